using System.Net;
using CareForAll.IntegrationTests.Donations;

namespace CareForAll.IntegrationTests.Attacks;

/// <summary>
/// API5:2023 Broken Function Level Authorization: admin functions refuse donors and anonymous callers and change
/// nothing; service-to-service routes and the sandbox's control API are not reachable through the gateway at all.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class Api5FunctionLevelAuthorizationTests(PlatformFixture platform) : IDisposable
{
    private const string Owasp = "API5 function level authorization";
    private readonly DonationDriver _driver = new(platform, subnet: 204);
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(4)).Token;

    [Fact]
    public async Task every_admin_function_refuses_a_donor_and_an_anonymous_caller_and_changes_nothing()
    {
        var organizer = await _driver.VerifiedUserAsync("bfla-organiser", _ct);
        var campaignId = await _driver.ActiveCampaignAsync(_ct, organizer: organizer);
        var donor = await _driver.NewUserAsync("bfla-donor", _ct);
        var victim = await _driver.NewUserAsync("bfla-victim", _ct);
        var payment = await _driver.CompleteAsync(await _driver.UserPledgeAsync(donor, campaignId, 500m, _ct), _ct);
        var client = _driver.NewClient();
        var draft = await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/campaigns", new
        {
            title = "Cleft surgery for Mim",
            description = "Surgery and aftercare for Mim, two years old, at a hospital in Rajshahi.",
            campaignType = "medical",
            goalAmount = 80_000m,
            endDate = DateTimeOffset.UtcNow.AddDays(15),
        }, organizer.AccessToken, ct: _ct);
        draft.Status.ShouldBe(HttpStatusCode.Created, draft.ToString());
        var draftId = draft.Body["data"]!["id"]!.GetValue<string>();
        var anyId = Guid.NewGuid();

        var functions = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, "/api/admin/dashboard/stats", null),
            (HttpMethod.Get, "/api/admin/campaigns", null),
            (HttpMethod.Patch, $"/api/admin/campaigns/{draftId}/approve", new { reason = "looks fine" }),
            (HttpMethod.Patch, $"/api/admin/campaigns/{campaignId}/reject", new { reason = "spite" }),
            (HttpMethod.Get, "/api/admin/users", null),
            (HttpMethod.Patch, $"/api/admin/users/{victim.UserId}/status", new { status = "suspended", reason = "spite" }),
            (HttpMethod.Get, "/api/admin/payments", null),
            (HttpMethod.Post, $"/api/admin/payments/{payment.Id}/refund", new { reason = "mine" }),
            (HttpMethod.Post, $"/api/admin/payments/{payment.Id}/release", new { reason = "mine" }),
            (HttpMethod.Post, $"/api/admin/payments/{payment.Id}/reject", new { reason = "mine" }),
            (HttpMethod.Get, "/api/admin/audit-logs", null),
            (HttpMethod.Post, "/api/admin/read-models/rebuild", new { }),
            (HttpMethod.Get, "/api/admin/notifications", null),
            (HttpMethod.Patch, $"/api/admin/notifications/{anyId}/read", new { }),
            (HttpMethod.Patch, $"/api/campaigns/{draftId}/status", new { status = "active", reason = "self-approved" }),
            (HttpMethod.Patch, $"/api/campaigns/{campaignId}/status", new { status = "cancelled", reason = "spite" }),
            (HttpMethod.Delete, $"/api/campaigns/{campaignId}", null),
            (HttpMethod.Post, $"/api/payments/{payment.Id}/refund", new { reason = "mine" }),
            (HttpMethod.Post, $"/api/payments/{payment.Id}/release", new { reason = "mine" }),
            (HttpMethod.Post, $"/api/payments/{payment.Id}/reject", new { reason = "mine" }),
        };

        foreach (var (method, path, body) in functions)
        {
            await AttackLedger.TryAsync(Owasp, $"a donor calls {method} {path}", async () =>
            {
                var answer = await AttackHttp.SendAsync(client, method, path, body, donor.AccessToken, AttackHttp.IdempotencyKey(), ct: _ct);
                // A draft does not exist for anyone but its organiser and admins (404), so its ids cannot be probed.
                if (path.Contains(draftId, StringComparison.Ordinal) && !path.StartsWith("/api/admin/", StringComparison.Ordinal))
                {
                    answer.ShouldBeRefused(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
                }
                else
                {
                    answer.ShouldBeRefused(HttpStatusCode.Forbidden);
                }
                answer.Text.ShouldNotContain(victim.Email, Case.Insensitive);
            });

            await AttackLedger.TryAsync(Owasp, $"an anonymous caller calls {method} {path}", async () =>
                (await AttackHttp.SendAsync(client, method, path, body, headers: AttackHttp.IdempotencyKey(), ct: _ct)).ShouldBeRefused(HttpStatusCode.Unauthorized));
        }

        await AttackLedger.TryAsync(Owasp, "a donor deletes a campaign by overriding POST's method in a header", async () =>
        {
            var answer = await AttackHttp.SendAsync(client, HttpMethod.Post, $"/api/campaigns/{campaignId}", new { },
                donor.AccessToken, new Dictionary<string, string> { ["X-HTTP-Method-Override"] = "DELETE", ["X-Method-Override"] = "DELETE" }, ct: _ct);
            answer.ShouldBeRefused();
        });

        // An organiser may withdraw their own draft, so the route is theirs; approving it is a move only an admin makes.
        await AttackLedger.TryAsync(Owasp, "an organiser approves their own draft", async () =>
            (await AttackHttp.SendAsync(client, HttpMethod.Patch, $"/api/campaigns/{draftId}/status", new { status = "active", reason = "mine" }, organizer.AccessToken, ct: _ct))
                .ShouldBeRefused(HttpStatusCode.Forbidden, HttpStatusCode.Conflict));

        // Nothing moved: the draft is a draft, the campaign active, the victim active, the payment and the money where they were.
        var draftGuid = Guid.Parse(draftId);
        (await platform.ScalarAsync<string>("campaignsdb", "SELECT status FROM campaigns.campaigns WHERE id = @draftGuid", new { draftGuid }, _ct)).ShouldBe("draft");
        (await platform.ScalarAsync<string>("campaignsdb", "SELECT status FROM campaigns.campaigns WHERE id = @campaignId", new { campaignId }, _ct)).ShouldBe("active");
        (await platform.ScalarAsync<bool>("identitydb", "SELECT is_active FROM auth.users WHERE id = @id", new { id = victim.UserId }, _ct)).ShouldBeTrue();
        (await platform.CountAsync("paymentsdb", "SELECT count(*) FROM payments.refunds WHERE payment_id = @id", new { id = payment.Id }, _ct)).ShouldBe(0);
        (await _driver.GetPaymentAsAdminAsync(payment.Id, _ct))["status"]!.GetValue<string>().ShouldBe("completed");
        (await _driver.RaisedAsync(campaignId, _ct)).ShouldBe(500m);
    }

    [Theory]
    [InlineData("GET", "/api/auth/verify")]
    [InlineData("GET", "/API/Auth/Verify/")]
    [InlineData("GET", "/api/auth//verify")]
    [InlineData("POST", "//api/notifications/email")]
    [InlineData("POST", "/api/notifications/email")]
    [InlineData("GET", "/internal/users")]
    [InlineData("GET", "/INTERNAL/users")]
    [InlineData("GET", "/Internal/payments")]
    [InlineData("GET", "/internal/messaging/status")]
    [InlineData("GET", "//internal/users")]
    [InlineData("GET", "/api/auth/%2e%2e/%2e%2e/internal/users")]
    [InlineData("GET", "/api/auth/..%2F..%2Finternal/users")]
    [InlineData("GET", "/api/campaigns/..%2F..%2Finternal/campaigns")]
    [InlineData("POST", "/api/query/..%2F..%2Finternal/read-models/rebuild")]
    [InlineData("POST", "/_sandbox/pay")]
    [InlineData("POST", "/_sandbox/notifications")]
    [InlineData("GET", "/_sandbox/deliveries")]
    [InlineData("GET", "/_sandbox/transactions/anything")]
    [InlineData("POST", "/gwprocess/v4/api.php")]
    public async Task internal_routes_are_not_reachable_through_the_gateway(string method, string path)
    {
        var admin = await _driver.AdminAsync(_ct);
        var victim = await _driver.NewUserAsync("bfla-internal", _ct);
        var client = _driver.NewClient();

        await AttackLedger.TryAsync(Owasp, $"{method} {path} through the gateway, as an admin", async () =>
        {
            // Absolute, so a path starting "//" is not read as another host.
            var address = client.BaseAddress!.GetLeftPart(UriPartial.Authority) + path;
            var answer = await AttackHttp.SendAsync(client, new HttpMethod(method), address,
                new { to = victim.Email, subject = "Hi", text = "From outside", tranId = "x", outcome = "success" }, admin.AccessToken, ct: _ct);
            if (method == "GET" && answer.Response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                // A page path the web app answers with its own shell: the service behind never saw the request.
                answer.Status.ShouldBe(HttpStatusCode.OK);
                answer.Text.ShouldContain("<div id=\"root\"");
            }
            else
            {
                answer.ShouldBeRefused(HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed, HttpStatusCode.BadRequest);
            }

            answer.Text.ShouldNotContain(victim.Email, Case.Insensitive);
            answer.Text.ShouldNotContain("\"tokenId\"", Case.Insensitive);
        });
    }

    public void Dispose() => _driver.Dispose();
}
