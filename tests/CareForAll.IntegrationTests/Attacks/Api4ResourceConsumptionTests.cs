using System.Net;
using System.Text;
using CareForAll.IntegrationTests.Donations;

namespace CareForAll.IntegrationTests.Attacks;

/// <summary>
/// API4:2023 Unrestricted Resource Consumption: bodies, pages, nesting and strings are bounded, and the rate limits
/// of ARCHITECTURE section 9 stop a caller. The run raises the campaigns, pledges, payments, query, admin and
/// notifications budgets for the donation tests, so those families' shipped numbers are proved by the gateway's own
/// tests (ShippedRateLimitTests, the shipped configuration); the auth budget, login and payment initiation stay as
/// shipped here and are proved black-box below.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class Api4ResourceConsumptionTests(PlatformFixture platform) : IDisposable
{
    private const string Owasp = "API4 unrestricted resource consumption";
    private readonly DonationDriver _driver = new(platform, subnet: 203);
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(4)).Token;

    [Fact]
    public async Task oversized_bodies_are_refused_in_the_envelope_and_store_nothing()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var organizer = await _driver.VerifiedUserAsync("dos-organiser", _ct);
        var client = _driver.NewClient();
        // Declared, the limit is seen before a byte is read: the client asks first (Expect: 100-continue), as a careful
        // client does, and gets the 413 without sending the body. Chunked, the gateway reads up to its 1 MB limit first,
        // so a body just over it is sent whole and the 413 comes back to a client still listening.
        static Dictionary<string, string> ExpectContinue() => new() { ["Idempotency-Key"] = Guid.NewGuid().ToString(), ["Expect"] = "100-continue" };
        foreach (var (how, padding, chunked) in new[]
        {
            ("2 MB, with its length declared", new string('x', 2 * 1024 * 1024), false),
            ("just over 1 MB, chunked, without a length", new string('x', (1024 * 1024) + 4096), true),
            ("8 MB, chunked, without a length", new string('x', 8 * 1024 * 1024), true),
        })
        {
            var email = Api.NewEmail("dos-guest");
            await AttackLedger.TryAsync(Owasp, $"a pledge body of {how}", async () =>
            {
                var json = $$"""{"campaignId":"{{campaignId}}","amount":10,"currency":"BDT","donorEmail":"{{email}}","donorName":"Big","message":"{{padding}}"}""";
                await ShouldBeRefusedAsTooLargeAsync(() => AttackHttp.SendAsync(client, HttpMethod.Post, "/api/pledges",
                    headers: ExpectContinue(), content: Body(json, chunked), ct: _ct), chunked);
                (await platform.CountAsync("pledgesdb", "SELECT count(*) FROM pledges.pledges WHERE donor_email = lower(@email)", new { email }, _ct)).ShouldBe(0);
            });

            var title = $"Oversized {Guid.NewGuid():N}";
            await AttackLedger.TryAsync(Owasp, $"a campaign body of {how}", async () =>
            {
                var json = $$"""{"title":"{{title}}","description":"{{padding}}","campaignType":"medical","goalAmount":1000,"endDate":"{{DateTimeOffset.UtcNow.AddDays(9):O}}"}""";
                await ShouldBeRefusedAsTooLargeAsync(() => AttackHttp.SendAsync(client, HttpMethod.Post, "/api/campaigns",
                    accessToken: organizer.AccessToken, headers: ExpectContinue(), content: Body(json, chunked), ct: _ct), chunked);
                (await platform.CountAsync("campaignsdb", "SELECT count(*) FROM campaigns.campaigns WHERE title = @title", new { title }, _ct)).ShouldBe(0);
            });
        }

        // The gateway still answers after all that.
        (await AttackHttp.SendAsync(client, HttpMethod.Get, $"/api/campaigns/{campaignId}", ct: _ct)).Status.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>
    /// A 413 (or 400) in the envelope. A body sent without a length may instead meet a closed connection: the gateway
    /// answers 413 once it has read its limit and stops reading, as HTTP/1.1 allows, and a client still sending then
    /// sees its write fail before it reads that answer (a declared length is refused before a byte of it is sent).
    /// </summary>
    private static async Task ShouldBeRefusedAsTooLargeAsync(Func<Task<AttackHttp.Answer>> send, bool chunked)
    {
        try
        {
            (await send()).ShouldBeRefused(HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.BadRequest);
        }
        catch (HttpRequestException closed) when (chunked && closed.InnerException is IOException)
        {
            // Refused at the door: the connection was closed on the sender.
        }
    }

    [Fact]
    public async Task deep_nesting_and_very_long_strings_are_refused_and_store_nothing()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var organizer = await _driver.VerifiedUserAsync("dos-strings", _ct);
        var client = _driver.NewClient();

        var deepEmail = Api.NewEmail("dos-deep");
        await AttackLedger.TryAsync(Owasp, "JSON nested 5,000 deep in a pledge's metadata", async () =>
        {
            var json = $$"""{"campaignId":"{{campaignId}}","amount":10,"currency":"BDT","donorEmail":"{{deepEmail}}","metadata":{{new string('[', 5000)}}{{new string(']', 5000)}}}""";
            var answer = await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/pledges", json, headers: AttackHttp.IdempotencyKey(), ct: _ct);
            answer.ShouldBeRefused(HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge);
            (await platform.CountAsync("pledgesdb", "SELECT count(*) FROM pledges.pledges WHERE donor_email = lower(@deepEmail)", new { deepEmail }, _ct)).ShouldBe(0);
        });

        await AttackLedger.TryAsync(Owasp, "JSON nested 5,000 deep in a registration", async () =>
        {
            var email = Api.NewEmail("dos-deep-user");
            var json = $$"""{"email":"{{email}}","password":"{{Api.DefaultPassword}}","firstName":"A","extra":{{string.Concat(Enumerable.Repeat("{\"a\":", 5000))}}1{{new string('}', 5000)}}}""";
            var answer = await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/auth/register", json, ct: _ct);
            answer.ShouldBeRefused(HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge);
            (await platform.CountAsync("identitydb", "SELECT count(*) FROM auth.users WHERE email = lower(@email)", new { email }, _ct)).ShouldBe(0);
        });

        var longText = new string('a', 100_000);
        var longTitleEmail = Api.NewEmail("dos-long");
        foreach (var (attack, send, stored) in new (string, Func<Task<AttackHttp.Answer>>, Func<Task<long>>)[]
        {
            ("a 100,000-character campaign title", () => AttackHttp.SendAsync(client, HttpMethod.Post, "/api/campaigns", new
            {
                title = longText, description = "Long titles must not be stored.", campaignType = "medical", goalAmount = 1000m, endDate = DateTimeOffset.UtcNow.AddDays(9),
            }, organizer.AccessToken, ct: _ct),
            () => platform.CountAsync("campaignsdb", "SELECT count(*) FROM campaigns.campaigns WHERE length(title) > 1000", new { }, _ct)),
            ("a 100,000-character pledge message and donor name", () => AttackHttp.SendAsync(client, HttpMethod.Post, "/api/pledges", new
            {
                campaignId, amount = 10m, currency = "BDT", donorEmail = longTitleEmail, donorName = longText, message = longText,
            }, headers: AttackHttp.IdempotencyKey(), ct: _ct),
            () => platform.CountAsync("pledgesdb", "SELECT count(*) FROM pledges.pledges WHERE donor_email = lower(@longTitleEmail)", new { longTitleEmail }, _ct)),
            ("a 10,000-character email at registration", () => AttackHttp.SendAsync(client, HttpMethod.Post, "/api/auth/register", new
            {
                email = new string('b', 10_000) + "@example.org", password = Api.DefaultPassword,
            }, ct: _ct),
            () => platform.CountAsync("identitydb", "SELECT count(*) FROM auth.users WHERE length(email) > 1000", new { }, _ct)),
            ("a 100,000-character password at registration (bcrypt work on the attacker's terms)", () => AttackHttp.SendAsync(client, HttpMethod.Post, "/api/auth/register", new
            {
                email = Api.NewEmail("dos-password"), password = longText,
            }, ct: _ct),
            () => Task.FromResult(0L)),
            ("a 5,000-character search", () => AttackHttp.SendAsync(client, HttpMethod.Get, $"/api/campaigns?q={new string('q', 5000)}", ct: _ct),
            () => Task.FromResult(0L)),
        })
        {
            await AttackLedger.TryAsync(Owasp, attack, async () =>
            {
                (await send()).ShouldBeRefused(HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge);
                (await stored()).ShouldBe(0);
            });
        }
    }

    [Fact]
    public async Task page_sizes_beyond_the_maximum_are_capped_or_refused()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var donor = await _driver.NewUserAsync("dos-pages", _ct);
        var admin = await _driver.AdminAsync(_ct);
        var client = _driver.NewClient();

        foreach (var (path, token) in new (string, string?)[]
        {
            ("/api/campaigns", null),
            ($"/api/pledges/campaign/{campaignId}", null),
            ($"/api/query/campaigns/{campaignId}/donations", null),
            ("/api/query/campaigns/top", null),
            ($"/api/pledges/user/{donor.UserId}", donor.AccessToken),
            ($"/api/query/users/{donor.UserId}/donations", donor.AccessToken),
            ($"/api/notifications/user/{donor.UserId}", donor.AccessToken),
            ($"/api/campaigns/user/{donor.UserId}", donor.AccessToken),
            ("/api/admin/users", admin.AccessToken),
            ("/api/admin/campaigns", admin.AccessToken),
            ("/api/admin/payments", admin.AccessToken),
            ("/api/admin/audit-logs", admin.AccessToken),
            ("/api/admin/notifications", admin.AccessToken),
        })
        {
            foreach (var query in new[] { "limit=100000", "limit=2147483647&page=2147483647", "limit=-1", "page=-5", "limit=9999999999999" })
            {
                await AttackLedger.TryAsync(Owasp, $"GET {path}?{query}", async () =>
                {
                    var answer = await AttackHttp.SendAsync(client, HttpMethod.Get, $"{path}?{query}", accessToken: token, ct: _ct);
                    if (answer.Status == HttpStatusCode.OK)
                    {
                        // Capped: never more than a page of 100, whatever was asked.
                        var data = answer.Body["data"];
                        (data as System.Text.Json.Nodes.JsonArray)?.Count.ShouldBeLessThanOrEqualTo(100, answer.ToString());
                        var limit = answer.Body["pagination"]?["limit"]?.GetValue<int>();
                        limit?.ShouldBeInRange(1, 100, answer.ToString());
                    }
                    else
                    {
                        answer.ShouldBeRefused(HttpStatusCode.BadRequest);
                    }
                });
            }
        }
    }

    [Fact]
    public async Task the_shipped_auth_budget_stops_an_address_after_100_requests_in_15_minutes()
    {
        using var attacker = platform.CreateGatewayClient(IPAddress.Parse("127.203.250.1"));
        await AttackLedger.TryAsync(Owasp, "101 requests to the auth family from one address", async () =>
        {
            for (var request = 1; request <= 100; request++)
            {
                (await AttackHttp.SendAsync(attacker, HttpMethod.Get, "/.well-known/jwks.json", ct: _ct)).Status.ShouldBe(HttpStatusCode.OK, $"request {request}");
            }

            var refused = await AttackHttp.SendAsync(attacker, HttpMethod.Post, "/api/auth/register",
                new { email = Api.NewEmail("dos-budget"), password = Api.DefaultPassword }, ct: _ct);
            refused.ShouldBeRefused(HttpStatusCode.TooManyRequests);
            refused.Response.Headers.RetryAfter.ShouldNotBeNull();
        });
    }

    [Fact]
    public async Task the_shipped_payment_initiation_limit_stops_a_user_after_10_a_minute()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var donor = await _driver.NewUserAsync("dos-initiate", _ct);
        var pledge = await _driver.UserPledgeAsync(donor, campaignId, 90m, _ct);
        var client = _driver.NewClient();

        await AttackLedger.TryAsync(Owasp, "11 payment initiations by one user in a minute", async () =>
        {
            for (var request = 1; request <= 10; request++)
            {
                (await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/payments/initiate", new { pledgeId = Guid.NewGuid() },
                    donor.AccessToken, AttackHttp.IdempotencyKey(), ct: _ct)).Status.ShouldNotBe(HttpStatusCode.TooManyRequests, $"request {request}");
            }

            // The eleventh, for the donor's real pledge, is refused before it reaches payments.
            (await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/payments/initiate", new { pledgeId = pledge.Id },
                donor.AccessToken, AttackHttp.IdempotencyKey(), ct: _ct)).ShouldBeRefused(HttpStatusCode.TooManyRequests);
            (await platform.CountAsync("paymentsdb", "SELECT count(*) FROM payments.payments WHERE pledge_id = @id", new { id = pledge.Id }, _ct)).ShouldBe(0);
        });
    }

    private static HttpContent Body(string json, bool chunked)
    {
        if (!chunked)
        {
            return new StringContent(json, Encoding.UTF8, "application/json");
        }

        var content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>A body whose length the client cannot know in advance, so it goes chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    public void Dispose() => _driver.Dispose();
}
