using System.Net;
using CareForAll.IntegrationTests.Donations;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.IntegrationTests.Attacks;

/// <summary>API1:2023 Broken Object Level Authorization: someone else's object, named by its id, stays theirs.</summary>
[Collection(SharedPlatform.Name)]
public sealed class Api1ObjectLevelAuthorizationTests(PlatformFixture platform) : IDisposable
{
    private const string Owasp = "API1 object level authorization";
    private readonly DonationDriver _driver = new(platform, subnet: 200);
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(4)).Token;

    [Fact]
    public async Task a_signed_in_stranger_reads_or_changes_nothing_of_another_donor()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var owner = await _driver.NewUserAsync("bola-owner", _ct);
        var stranger = await _driver.NewUserAsync("bola-stranger", _ct);
        var pledge = await _driver.UserPledgeAsync(owner, campaignId, 321m, _ct);
        var payment = await _driver.CompleteAsync(pledge, _ct);
        var client = _driver.NewClient();

        foreach (var path in new[]
        {
            $"/api/pledges/{pledge.Id}", $"/api/payments/{payment.Id}", $"/api/payments/pledge/{pledge.Id}",
            $"/api/pledges/user/{owner.UserId}", $"/api/query/users/{owner.UserId}/donations",
            $"/api/query/users/{owner.UserId}/statistics", $"/api/notifications/user/{owner.UserId}",
        })
        {
            await AttackLedger.TryAsync(Owasp, $"a stranger reads GET {path}", async () =>
            {
                var answer = await AttackHttp.SendAsync(client, HttpMethod.Get, path, accessToken: stranger.AccessToken, ct: _ct);
                answer.ShouldBeRefused(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
                answer.Text.ShouldNotContain(owner.Email, Case.Insensitive);
                // The owner still reads it: the refusal is about who asks, not a broken route.
                (await AttackHttp.SendAsync(client, HttpMethod.Get, path, accessToken: owner.AccessToken, ct: _ct)).Status.ShouldBe(HttpStatusCode.OK, path);
            });
        }

        await AttackLedger.TryAsync(Owasp, "a stranger pays (initiates) another donor's pledge", async () =>
        {
            var answer = await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/payments/initiate", new { pledgeId = pledge.Id },
                stranger.AccessToken, AttackHttp.IdempotencyKey(), ct: _ct);
            answer.ShouldBeRefused(HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.Conflict);
            (await platform.CountAsync("paymentsdb", "SELECT count(*) FROM payments.payments WHERE pledge_id = @id", new { id = pledge.Id }, _ct)).ShouldBe(1);
        });

        await AttackLedger.TryAsync(Owasp, "a stranger refunds another donor's payment", async () =>
        {
            var answer = await AttackHttp.SendAsync(client, HttpMethod.Post, $"/api/payments/{payment.Id}/refund", new { reason = "mine" },
                stranger.AccessToken, AttackHttp.IdempotencyKey(), ct: _ct);
            answer.ShouldBeRefused(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
            (await _driver.GetPaymentAsAdminAsync(payment.Id, _ct))["status"]!.GetValue<string>().ShouldBe("completed");
        });
    }

    [Fact]
    public async Task a_profile_update_naming_another_user_changes_only_the_callers_own_profile()
    {
        var victim = await _driver.NewUserAsync("bola-victim", _ct);
        var attacker = await _driver.NewUserAsync("bola-attacker", _ct);
        var client = _driver.NewClient();

        await AttackLedger.TryAsync(Owasp, "PUT /api/auth/profile with the victim's id in the body", async () =>
        {
            var answer = await AttackHttp.SendAsync(client, HttpMethod.Put, "/api/auth/profile",
                new { id = victim.UserId, userId = victim.UserId, email = victim.Email, firstName = "Hijacked" }, attacker.AccessToken, ct: _ct);
            answer.ShouldNotBeServerError();
            var victimProfile = await AttackHttp.SendAsync(client, HttpMethod.Get, "/api/auth/profile", accessToken: victim.AccessToken, ct: _ct);
            victimProfile.Status.ShouldBe(HttpStatusCode.OK, victimProfile.ToString());
            victimProfile.Body["data"]!["firstName"]!.GetValue<string>().ShouldBe("Nusrat");
            victimProfile.Body["data"]!["email"]!.GetValue<string>().ShouldBe(victim.Email);
            var attackerProfile = await AttackHttp.SendAsync(client, HttpMethod.Get, "/api/auth/profile", accessToken: attacker.AccessToken, ct: _ct);
            attackerProfile.Body["data"]!["id"]!.GetValue<string>().ShouldBe(attacker.UserId.ToString());
            attackerProfile.Body["data"]!["email"]!.GetValue<string>().ShouldBe(attacker.Email);
        });
    }

    [Fact]
    public async Task another_organisers_campaign_can_be_neither_seen_as_a_draft_nor_changed_nor_deleted()
    {
        var organizer = await _driver.VerifiedUserAsync("bola-organiser", _ct);
        var stranger = await _driver.VerifiedUserAsync("bola-rival", _ct);
        var client = _driver.NewClient();
        var created = await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/campaigns", new
        {
            title = "School fees for Ayesha",
            description = "Ayesha's school fees for the coming year, paid straight to the school.",
            campaignType = "education",
            goalAmount = 20_000m,
            currency = "BDT",
            endDate = DateTimeOffset.UtcNow.AddDays(20),
        }, organizer.AccessToken, ct: _ct);
        created.Status.ShouldBe(HttpStatusCode.Created, created.ToString());
        var draftId = Guid.Parse(created.Body["data"]!["id"]!.GetValue<string>());

        await AttackLedger.TryAsync(Owasp, "a stranger reads another organiser's draft by id", async () =>
        {
            (await AttackHttp.SendAsync(client, HttpMethod.Get, $"/api/campaigns/{draftId}", accessToken: stranger.AccessToken, ct: _ct))
                .ShouldBeRefused(HttpStatusCode.NotFound);
            (await AttackHttp.SendAsync(client, HttpMethod.Get, $"/api/campaigns/{draftId}", ct: _ct)).ShouldBeRefused(HttpStatusCode.NotFound);
        });

        await AttackLedger.TryAsync(Owasp, "a stranger lists another organiser's campaigns (drafts included)", async () =>
        {
            var answer = await AttackHttp.SendAsync(client, HttpMethod.Get, $"/api/campaigns/user/{organizer.UserId}", accessToken: stranger.AccessToken, ct: _ct);
            answer.ShouldBeRefused(HttpStatusCode.Forbidden);
            answer.Text.ShouldNotContain(draftId.ToString());
        });

        await AttackLedger.TryAsync(Owasp, "a stranger rewrites another organiser's campaign", async () =>
        {
            (await AttackHttp.SendAsync(client, HttpMethod.Put, $"/api/campaigns/{draftId}", new { title = "Send the money to me" }, stranger.AccessToken, ct: _ct))
                .ShouldBeRefused(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
            (await platform.ScalarAsync<string>("campaignsdb", "SELECT title FROM campaigns.campaigns WHERE id = @draftId", new { draftId }, _ct))
                .ShouldBe("School fees for Ayesha");
        });

        await AttackLedger.TryAsync(Owasp, "a stranger rewrites a campaign through its own id in the path and the victim's in the body", async () =>
        {
            var own = await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/campaigns", new
            {
                title = "A rival campaign",
                description = "A campaign of the attacker's own, used to smuggle another id in the body.",
                campaignType = "education",
                goalAmount = 1_000m,
                endDate = DateTimeOffset.UtcNow.AddDays(20),
            }, stranger.AccessToken, ct: _ct);
            own.Status.ShouldBe(HttpStatusCode.Created, own.ToString());
            var ownId = own.Body["data"]!["id"]!.GetValue<string>();
            (await AttackHttp.SendAsync(client, HttpMethod.Put, $"/api/campaigns/{ownId}", new { id = draftId, title = "Send the money to me" }, stranger.AccessToken, ct: _ct))
                .ShouldNotBeServerError();
            (await platform.ScalarAsync<string>("campaignsdb", "SELECT title FROM campaigns.campaigns WHERE id = @draftId", new { draftId }, _ct))
                .ShouldBe("School fees for Ayesha");
        });

        await AttackLedger.TryAsync(Owasp, "a stranger deletes another organiser's campaign", async () =>
        {
            (await AttackHttp.SendAsync(client, HttpMethod.Delete, $"/api/campaigns/{draftId}", accessToken: stranger.AccessToken, ct: _ct))
                .ShouldBeRefused(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
            (await platform.CountAsync("campaignsdb", "SELECT count(*) FROM campaigns.campaigns WHERE id = @draftId AND status = 'draft'", new { draftId }, _ct))
                .ShouldBe(1);
        });
    }

    [Fact]
    public async Task a_guests_pledge_token_opens_nothing_but_its_own_pledge()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var mine = await _driver.GuestPledgeAsync(campaignId, 100m, _ct);
        var theirs = await _driver.GuestPledgeAsync(campaignId, 200m, _ct);
        var client = _driver.NewClient();

        await AttackLedger.TryAsync(Owasp, "a guest's pledge token on another guest's pledge", async () =>
        {
            (await AttackHttp.SendAsync(client, HttpMethod.Get, $"/api/pledges/{theirs.Id}", headers: AttackHttp.PledgeToken(mine.GuestToken!), ct: _ct))
                .ShouldBeRefused(HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.Unauthorized);
        });

        await AttackLedger.TryAsync(Owasp, "a guest's pledge token opens a payment for another guest's pledge", async () =>
        {
            (await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/payments/initiate", new { pledgeId = theirs.Id },
                headers: AttackHttp.PledgeToken(mine.GuestToken!), ct: _ct))
                .ShouldBeRefused(HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.Unauthorized);
            (await platform.CountAsync("paymentsdb", "SELECT count(*) FROM payments.payments WHERE pledge_id = @id", new { id = theirs.Id }, _ct)).ShouldBe(0);
        });

        await AttackLedger.TryAsync(Owasp, "a guest's pledge token with one character altered", async () =>
        {
            var token = mine.GuestToken!;
            var altered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
            (await AttackHttp.SendAsync(client, HttpMethod.Get, $"/api/pledges/{mine.Id}", headers: AttackHttp.PledgeToken(altered), ct: _ct))
                .ShouldBeRefused(HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.Unauthorized);
        });

        await AttackLedger.TryAsync(Owasp, "a pledge token minted for the wrong purpose (a history link's token)", async () =>
        {
            var history = new GuestAccessTokens(platform.GuestTokenKey, TimeProvider.System).IssueForDonorHistory(theirs.DonorEmail, TimeSpan.FromMinutes(5));
            (await AttackHttp.SendAsync(client, HttpMethod.Get, $"/api/pledges/{theirs.Id}", headers: AttackHttp.PledgeToken(history), ct: _ct))
                .ShouldBeRefused(HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.Unauthorized);
        });

        // The control: the guest's own token still opens their own pledge.
        (await AttackHttp.SendAsync(client, HttpMethod.Get, $"/api/pledges/{mine.Id}", headers: AttackHttp.PledgeToken(mine.GuestToken!), ct: _ct))
            .Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_guest_history_link_altered_expired_or_for_another_address_opens_nothing()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var victim = await _driver.GuestPledgeAsync(campaignId, 75m, _ct);
        await _driver.CompleteAsync(victim, _ct);
        var attackerEmail = Api.NewEmail("bola-history");
        var tokens = new GuestAccessTokens(platform.GuestTokenKey, TimeProvider.System);
        var attackerLink = tokens.IssueForDonorHistory(attackerEmail, TimeSpan.FromMinutes(5));
        var victimLink = tokens.IssueForDonorHistory(victim.DonorEmail, TimeSpan.FromMinutes(5));
        var expired = new GuestAccessTokens(platform.GuestTokenKey, new FixedClock(DateTimeOffset.UtcNow.AddDays(-31)))
            .IssueForDonorHistory(victim.DonorEmail, TimeSpan.FromDays(30));
        var foreign = new GuestAccessTokens(Convert.ToBase64String(new byte[48]), TimeProvider.System)
            .IssueForDonorHistory(victim.DonorEmail, TimeSpan.FromMinutes(5));
        var altered = victimLink[..^2] + (victimLink[^2] == 'A' ? "B" : "A") + victimLink[^1];

        foreach (var (attack, email, token) in new[]
        {
            ("the attacker's own history link used for the victim's address", victim.DonorEmail, attackerLink),
            ("a history link with one character altered", victim.DonorEmail, altered),
            ("an expired history link", victim.DonorEmail, expired),
            ("a history link signed with another key", victim.DonorEmail, foreign),
            ("a history link with no token at all", victim.DonorEmail, ""),
        })
        {
            await AttackLedger.TryAsync(Owasp, attack, async () =>
            {
                var answer = await GuestHistoryAsync(email, token);
                answer.ShouldBeRefused(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.BadRequest);
            });
        }

        // The control: the right link opens the victim's history, so the refusals above are about the links.
        var own = await GuestHistoryAsync(victim.DonorEmail, victimLink);
        own.Status.ShouldBe(HttpStatusCode.OK, own.ToString());
    }

    private Task<AttackHttp.Answer> GuestHistoryAsync(string email, string token) =>
        AttackHttp.SendAsync(_driver.NewClient(), HttpMethod.Get, "/api/query/guests/donations", headers: new Dictionary<string, string>
        {
            [GuestAccessTokens.DonorEmailHeader] = email,
            [GuestAccessTokens.DonorHistoryTokenHeader] = token,
        }, ct: _ct);

    public void Dispose() => _driver.Dispose();
}
