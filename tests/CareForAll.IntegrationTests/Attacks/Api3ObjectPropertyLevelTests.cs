using System.Net;
using Aspire.Hosting.Testing;
using CareForAll.IntegrationTests.Donations;

namespace CareForAll.IntegrationTests.Attacks;

/// <summary>
/// API3:2023 Broken Object Property Level Authorization: fields a caller may not set are ignored or refused in every
/// write body (mass assignment), and answers never carry fields a caller may not read.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class Api3ObjectPropertyLevelTests(PlatformFixture platform) : IDisposable
{
    private const string Owasp = "API3 object property level authorization";

    // What a public answer never names: donors' addresses, guests' credentials, payment internals.
    private static readonly string[] InternalFields =
        ["donorEmail", "donor_email", "guestToken", "tranId", "paymentId", "metadata", "sessionKey", "valId", "passwordHash"];
    private readonly DonationDriver _driver = new(platform, subnet: 202);
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(4)).Token;

    [Fact]
    public async Task registration_and_profile_updates_ignore_role_status_and_verification()
    {
        var client = _driver.NewClient();
        var email = Api.NewEmail("mass-register");
        var chosenId = Guid.NewGuid();

        await AttackLedger.TryAsync(Owasp, "register with role, status, isActive, emailVerified, email_verified and an id", async () =>
        {
            var answer = await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/auth/register", new
            {
                email, password = Api.DefaultPassword, firstName = "Mass", lastName = "Assign",
                role = "ADMIN", status = "active", isActive = true, emailVerified = true, email_verified = true,
                id = chosenId, userId = chosenId, passwordHash = "$2a$10$abcdefghijklmnopqrstuv",
            }, ct: _ct);
            answer.ShouldNotBeServerError();
            var user = await UserRowAsync(email);
            if (answer.Status == HttpStatusCode.Created)
            {
                answer.Body["data"]!["user"]!["role"]!.GetValue<string>().ShouldBe("USER");
                user.ShouldNotBeNull();
                user.Value.Role.ShouldBe("USER");
                user.Value.EmailVerified.ShouldBeFalse();
                user.Value.Id.ShouldNotBe(chosenId);
                user.Value.PasswordHash.ShouldNotBe("$2a$10$abcdefghijklmnopqrstuv");
            }
            else
            {
                answer.ShouldBeRefused(HttpStatusCode.BadRequest);
                user.ShouldBeNull();
            }
        });

        var session = await Api.RegisterAsync(client, Api.NewEmail("mass-profile"), cancellationToken: _ct);
        await AttackLedger.TryAsync(Owasp, "profile update with role, email, emailVerified, email_verified, isActive and status", async () =>
        {
            var answer = await AttackHttp.SendAsync(client, HttpMethod.Put, "/api/auth/profile", new
            {
                firstName = "Still", role = "ADMIN", email = "boss@careforall.local", emailVerified = true, email_verified = true,
                isActive = false, status = "suspended", suspendedAt = DateTimeOffset.UtcNow,
            }, session.AccessToken, ct: _ct);
            answer.ShouldNotBeServerError();
            var user = (await UserRowAsync(session.Email)).ShouldNotBeNull();
            user.Role.ShouldBe("USER");
            user.EmailVerified.ShouldBeFalse();
            user.IsActive.ShouldBeTrue();
            (await UserRowAsync("boss@careforall.local")).ShouldBeNull();
            // And a fresh sign-in still says USER.
            var again = await Api.LoginAsync(client, session.Email, Api.DefaultPassword, _ct);
            ForgedTokens.PayloadOf(again.AccessToken)["role"]!.GetValue<string>().ShouldBe("USER");
        });
    }

    [Fact]
    public async Task campaign_pledge_and_payment_bodies_cannot_set_status_amounts_or_owners()
    {
        var organizer = await _driver.VerifiedUserAsync("mass-organiser", _ct);
        var victim = await _driver.NewUserAsync("mass-victim", _ct);
        var client = _driver.NewClient();
        Guid draftId = Guid.Empty;

        await AttackLedger.TryAsync(Owasp, "campaign create with status, currentAmount, current_amount, organizerId and organizer_id", async () =>
        {
            var answer = await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/campaigns", new
            {
                title = "Flood relief in Sylhet",
                description = "Dry food and clean water for families cut off by the floods in Sylhet.",
                campaignType = "emergency",
                goalAmount = 50_000m,
                endDate = DateTimeOffset.UtcNow.AddDays(10),
                status = "active", currentAmount = 49_999m, current_amount = 49_999m,
                organizerId = victim.UserId, organizer_id = victim.UserId, goalReachedAt = DateTimeOffset.UtcNow, version = 99,
            }, organizer.AccessToken, ct: _ct);
            answer.Status.ShouldBe(HttpStatusCode.Created, answer.ToString());
            draftId = Guid.Parse(answer.Body["data"]!["id"]!.GetValue<string>());
            await CampaignShouldBeUntouchedAsync(draftId, organizer.UserId, "draft", "Flood relief in Sylhet");
        });

        await AttackLedger.TryAsync(Owasp, "campaign update by its owner with status, currentAmount, organizerId", async () =>
        {
            var answer = await AttackHttp.SendAsync(client, HttpMethod.Put, $"/api/campaigns/{draftId}", new
            {
                status = "active", currentAmount = 49_999m, current_amount = 49_999m, organizerId = victim.UserId, organizer_id = victim.UserId,
            }, organizer.AccessToken, ct: _ct);
            answer.ShouldNotBeServerError();
            await CampaignShouldBeUntouchedAsync(draftId, organizer.UserId, "draft", "Flood relief in Sylhet");
        });

        var campaignId = await _driver.ActiveCampaignAsync(_ct, organizer: organizer);
        var donor = await _driver.NewUserAsync("mass-donor", _ct);
        Guid pledgeId = Guid.Empty;

        await AttackLedger.TryAsync(Owasp, "pledge create with status, userId, paymentId and completedAt", async () =>
        {
            var answer = await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/pledges", new
            {
                campaignId, amount = 250m, currency = "BDT",
                status = "completed", userId = victim.UserId, user_id = victim.UserId, paymentId = Guid.NewGuid(), completedAt = DateTimeOffset.UtcNow,
            }, donor.AccessToken, AttackHttp.IdempotencyKey(), ct: _ct);
            answer.Status.ShouldBe(HttpStatusCode.Created, answer.ToString());
            pledgeId = Guid.Parse(answer.Body["data"]!["id"]!.GetValue<string>());
            (await platform.ScalarAsync<string>("pledgesdb", "SELECT status FROM pledges.pledges WHERE id = @pledgeId", new { pledgeId }, _ct)).ShouldBe("pending");
            (await platform.ScalarAsync<Guid>("pledgesdb", "SELECT user_id FROM pledges.pledges WHERE id = @pledgeId", new { pledgeId }, _ct)).ShouldBe(donor.UserId);
            (await platform.CountAsync("pledgesdb", "SELECT count(*) FROM pledges.pledges WHERE user_id = @id", new { id = victim.UserId }, _ct)).ShouldBe(0);
        });

        await AttackLedger.TryAsync(Owasp, "payment initiation with amount, currency and status of the caller's choosing", async () =>
        {
            var answer = await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/payments/initiate", new
            {
                pledgeId, amount = 1m, total_amount = 1m, currency = "USD", status = "completed",
            }, donor.AccessToken, AttackHttp.IdempotencyKey(), ct: _ct);
            answer.Status.ShouldBe(HttpStatusCode.Created, answer.ToString());
            var paymentId = Guid.Parse(answer.Body["data"]!["paymentId"]!.GetValue<string>());
            (await platform.ScalarAsync<decimal>("paymentsdb", "SELECT amount FROM payments.payments WHERE id = @paymentId", new { paymentId }, _ct)).ShouldBe(250m);
            (await platform.ScalarAsync<string>("paymentsdb", "SELECT currency FROM payments.payments WHERE id = @paymentId", new { paymentId }, _ct)).ShouldBe("BDT");
            (await platform.ScalarAsync<string>("paymentsdb", "SELECT status FROM payments.payments WHERE id = @paymentId", new { paymentId }, _ct)).ShouldBe("pending");
            // The sandbox was asked for the pledge's amount too, not the body's.
            using var sandbox = platform.App.CreateHttpClient("sslcommerz", "http");
            var view = await AttackHttp.SendAsync(sandbox, HttpMethod.Get,
                $"/_sandbox/transactions/{answer.Body["data"]!["tranId"]!.GetValue<string>()}", ct: _ct);
            view.Text.ShouldContain("250");
        });

        await AttackLedger.TryAsync(Owasp, "admin status change carrying a goal and an amount", async () =>
        {
            var admin = await _driver.AdminAsync(_ct);
            var answer = await AttackHttp.SendAsync(client, HttpMethod.Patch, $"/api/campaigns/{draftId}/status", new
            {
                status = "active", reason = "ok", currentAmount = 49_999m, organizerId = victim.UserId, goalAmount = 1m,
            }, admin.AccessToken, ct: _ct);
            answer.Status.ShouldBe(HttpStatusCode.OK, answer.ToString());
            await CampaignShouldBeUntouchedAsync(draftId, organizer.UserId, "active", "Flood relief in Sylhet");
            (await platform.ScalarAsync<decimal>("campaignsdb", "SELECT goal_amount FROM campaigns.campaigns WHERE id = @draftId", new { draftId }, _ct)).ShouldBe(50_000m);
        });
    }

    [Fact]
    public async Task answers_never_carry_password_hashes_donor_emails_or_internal_fields()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var guest = await _driver.GuestPledgeAsync(campaignId, 40m, _ct);
        await _driver.CompleteAsync(guest, _ct);
        var donor = await _driver.NewUserAsync("leak-donor", _ct);
        await _driver.CompleteAsync(await _driver.UserPledgeAsync(donor, campaignId, 60m, _ct), _ct);
        var hidden = await _driver.GuestPledgeAsync(campaignId, 70m, _ct, isAnonymous: true);
        await _driver.CompleteAsync(hidden, _ct);
        await _driver.WaitForRaisedAsync(campaignId, 170m, _ct);
        var client = _driver.NewClient();
        var admin = await _driver.AdminAsync(_ct);
        var secrets = new[] { "password", "$2a$", "$2b$", "$2y$", "hash" };

        foreach (var (what, path, token) in new (string, string, string?)[]
        {
            ("the profile", "/api/auth/profile", donor.AccessToken),
            ("the admin's user list", "/api/admin/users?limit=100", admin.AccessToken),
            ("a sign-in answer", "login", null),
        })
        {
            await AttackLedger.TryAsync(Owasp, $"{what} leaks a password hash", async () =>
            {
                var answer = path == "login"
                    ? await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/auth/login", new { email = donor.Email, password = Api.DefaultPassword }, ct: _ct)
                    : await AttackHttp.SendAsync(client, HttpMethod.Get, path, accessToken: token, ct: _ct);
                answer.Status.ShouldBe(HttpStatusCode.OK, answer.ToString());
                foreach (var secret in secrets)
                {
                    answer.Text.ShouldNotContain(secret, Case.Insensitive);
                }
            });
        }

        foreach (var path in new[]
        {
            $"/api/query/campaigns/{campaignId}/donations", $"/api/pledges/campaign/{campaignId}", $"/api/query/campaigns/{campaignId}/totals",
            $"/api/campaigns/{campaignId}", "/api/query/campaigns/top", "/api/query/statistics/platform", $"/api/campaigns?limit=100",
        })
        {
            await AttackLedger.TryAsync(Owasp, $"{path} leaks donors' emails or internal fields", async () =>
            {
                var answer = await AttackHttp.SendAsync(client, HttpMethod.Get, path, ct: _ct);
                answer.Status.ShouldBe(HttpStatusCode.OK, answer.ToString());
                foreach (var email in new[] { guest.DonorEmail, donor.Email, hidden.DonorEmail })
                {
                    answer.Text.ShouldNotContain(email, Case.Insensitive);
                }

                foreach (var field in InternalFields)
                {
                    answer.Text.ShouldNotContain($"\"{field}\"", Case.Insensitive);
                }
            });
        }

        await AttackLedger.TryAsync(Owasp, "an anonymous donor's name or account on the public walls", async () =>
        {
            foreach (var path in new[] { $"/api/query/campaigns/{campaignId}/donations?limit=100", $"/api/pledges/campaign/{campaignId}?limit=100" })
            {
                var answer = await AttackHttp.SendAsync(client, HttpMethod.Get, path, ct: _ct);
                var rows = answer.Body["data"]!.AsArray().Where(r => r!["amount"]!.GetValue<decimal>() == 70m).ToList();
                rows.Count.ShouldBe(1, path);
                rows[0]!["donorName"]!.GetValue<string>().ShouldBe("Anonymous", path);
                rows[0]!["userId"]?.GetValue<string>().ShouldBeNull(path);
            }
        });
    }

    private readonly record struct UserRow(Guid Id, string Role, bool EmailVerified, bool IsActive, string PasswordHash);

    private async Task<UserRow?> UserRowAsync(string email)
    {
        var rows = await platform.QueryAsync<(Guid, string, bool, bool, string)>("identitydb",
            "SELECT id, role, email_verified, is_active, password_hash FROM auth.users WHERE email = lower(@email)", new { email }, _ct);
        return rows.Count == 0 ? null : new UserRow(rows[0].Item1, rows[0].Item2, rows[0].Item3, rows[0].Item4, rows[0].Item5);
    }

    private async Task CampaignShouldBeUntouchedAsync(Guid id, Guid organizerId, string status, string title)
    {
        var rows = await platform.QueryAsync<(string, decimal, Guid, string)>("campaignsdb",
            "SELECT status, current_amount, organizer_id, title FROM campaigns.campaigns WHERE id = @id", new { id }, _ct);
        rows.Count.ShouldBe(1);
        rows[0].Item1.ShouldBe(status);
        rows[0].Item2.ShouldBe(0m);
        rows[0].Item3.ShouldBe(organizerId);
        rows[0].Item4.ShouldBe(title);
    }

    public void Dispose() => _driver.Dispose();
}
