using System.Net;
using System.Text.Json.Nodes;
using CareForAll.IntegrationTests.Browser;
using CareForAll.IntegrationTests.Donations;
using CareForAll.IntegrationTests.Mail;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareForAll.IntegrationTests.Attacks;

/// <summary>
/// API8:2023 Security Misconfiguration, with the injections it lets through: SQL metacharacters in every filter,
/// script in every text a user writes (JSON-encoded by the API, text in the web app, escaped in mail), error answers
/// that tell nothing of the code, and the gateway's security headers and CORS on API and web app alike.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class Api8SecurityMisconfigurationTests(PlatformFixture platform) : IDisposable
{
    private const string Owasp = "API8 security misconfiguration and injection";

    // Script that would run if any page put it into the DOM as HTML, and announce itself on window.
    private const string Script = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">";

    private static readonly string[] SqlPayloads =
    [
        "' OR '1'='1", "'; DROP TABLE campaigns.campaigns; --", "\" OR \"\"=\"", "1; SELECT pg_sleep(5)--", "%' UNION SELECT password_hash FROM auth.users --",
        "\\", "%", "_", "'::text", "$$",
    ];

    private static readonly string[] Leaks =
        ["Exception", "   at ", "StackTrace", "stackTrace", ".cs:line", "Npgsql", "System.", "Microsoft.", "FastEndpoints", "CareForAll."];

    private readonly DonationDriver _driver = new(platform, subnet: 206);
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(5)).Token;

    [Fact]
    public async Task sql_metacharacters_in_search_and_every_list_filter_change_nothing_and_never_fail()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var donor = await _driver.NewUserAsync("sqli-donor", _ct);
        var admin = await _driver.AdminAsync(_ct);
        var client = _driver.NewClient();
        var campaignsBefore = await platform.CountAsync("campaignsdb", "SELECT count(*) FROM campaigns.campaigns", new { }, _ct);
        var usersBefore = await platform.CountAsync("identitydb", "SELECT count(*) FROM auth.users", new { }, _ct);

        var filters = new (string Path, string? Token)[]
        {
            ("/api/campaigns?q={0}", null), ("/api/campaigns?status={0}", null), ("/api/campaigns?type={0}", null),
            ("/api/campaigns?sort={0}", null), ("/api/campaigns?organizerId={0}", null), ("/api/campaigns?page={0}", null),
            ("/api/query/campaigns/top?by={0}", null), ("/api/query/campaigns/top?type={0}", null),
            ($"/api/pledges/campaign/{campaignId}?page={{0}}", null), ("/api/campaigns/{0}", null), ("/api/query/campaigns/{0}/totals", null),
            ("/api/admin/users?search={0}", admin.AccessToken), ("/api/admin/users?role={0}", admin.AccessToken), ("/api/admin/users?status={0}", admin.AccessToken),
            ("/api/admin/payments?status={0}", admin.AccessToken), ("/api/admin/payments?paymentMethod={0}", admin.AccessToken), ("/api/admin/payments?held={0}", admin.AccessToken),
            ("/api/admin/campaigns?status={0}", admin.AccessToken), ("/api/admin/campaigns?search={0}", admin.AccessToken), ("/api/admin/campaigns?q={0}", admin.AccessToken),
            ("/api/admin/audit-logs?action={0}", admin.AccessToken), ("/api/admin/audit-logs?entityType={0}", admin.AccessToken), ("/api/admin/audit-logs?from={0}", admin.AccessToken),
            ("/api/admin/notifications?severity={0}", admin.AccessToken),
            ($"/api/notifications/user/{donor.UserId}?eventType={{0}}", donor.AccessToken),
        };

        foreach (var (path, token) in filters)
        {
            await AttackLedger.TryAsync(Owasp, $"SQL metacharacters in {path.Split('?')[0]} {path.Split('?').ElementAtOrDefault(1)}", async () =>
            {
                foreach (var payload in SqlPayloads)
                {
                    var answer = await AttackHttp.SendAsync(client, HttpMethod.Get, string.Format(System.Globalization.CultureInfo.InvariantCulture, path, Uri.EscapeDataString(payload)),
                        accessToken: token, ct: _ct);
                    answer.ShouldNotBeServerError();
                    if (answer.Status != HttpStatusCode.OK)
                    {
                        answer.ShouldBeRefused();
                    }

                    answer.Text.ShouldNotContain("$2", Case.Sensitive);
                    foreach (var leak in Leaks)
                    {
                        answer.Text.ShouldNotContain(leak, Case.Sensitive, answer.ToString());
                    }
                }
            });
        }

        await AttackLedger.TryAsync(Owasp, "SQL metacharacters in a registration, a campaign and a pledge", async () =>
        {
            var email = $"o'brien+{Guid.NewGuid():N}@example.org";
            var registered = await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/auth/register",
                new { email, password = "'; DROP TABLE auth.users; --", firstName = "Robert'); DROP TABLE students;--", lastName = "O'Brien" }, ct: _ct);
            registered.Status.ShouldBe(HttpStatusCode.Created, registered.ToString());
            var session = await Api.LoginAsync(client, email, "'; DROP TABLE auth.users; --", _ct);
            var profile = await AttackHttp.SendAsync(client, HttpMethod.Get, "/api/auth/profile", accessToken: session.AccessToken, ct: _ct);
            profile.Body["data"]!["firstName"]!.GetValue<string>().ShouldBe("Robert'); DROP TABLE students;--");
            var pledge = await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/pledges", new
            {
                campaignId, amount = 10m, currency = "BDT", donorEmail = Api.NewEmail("sqli"), donorName = "x' OR 1=1 --", message = "'); DELETE FROM pledges.pledges; --",
            }, headers: AttackHttp.IdempotencyKey(), ct: _ct);
            pledge.Status.ShouldBe(HttpStatusCode.Created, pledge.ToString());
            var pledgeId = Guid.Parse(pledge.Body["data"]!["id"]!.GetValue<string>());
            (await platform.ScalarAsync<string>("pledgesdb", "SELECT message FROM pledges.pledges WHERE id = @pledgeId", new { pledgeId }, _ct))
                .ShouldBe("'); DELETE FROM pledges.pledges; --");
        });

        await AttackLedger.TryAsync(Owasp, "the data survived every injection", async () =>
        {
            (await platform.CountAsync("campaignsdb", "SELECT count(*) FROM campaigns.campaigns", new { }, _ct)).ShouldBeGreaterThanOrEqualTo(campaignsBefore);
            (await platform.CountAsync("identitydb", "SELECT count(*) FROM auth.users", new { }, _ct)).ShouldBeGreaterThan(usersBefore);
            (await platform.CountAsync("pledgesdb", "SELECT count(*) FROM pledges.pledges", new { }, _ct)).ShouldBeGreaterThan(0);
            (await AttackHttp.SendAsync(client, HttpMethod.Get, $"/api/campaigns/{campaignId}", ct: _ct)).Status.ShouldBe(HttpStatusCode.OK);
        });
    }

    [Fact]
    public async Task script_in_campaign_texts_names_and_messages_is_json_encoded_shown_as_text_and_escaped_in_mail()
    {
        var organizer = await _driver.VerifiedUserAsync("xss-organiser", _ct);
        var client = _driver.NewClient();
        var title = $"Help {Script} {Guid.NewGuid():N}";
        var description = $"Medicine for a child. {Script} Every taka goes to the pharmacy.";
        var created = await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/campaigns", new
        {
            title, description, campaignType = "medical", goalAmount = 10_000m, endDate = DateTimeOffset.UtcNow.AddDays(20),
            beneficiaryName = $"Rafi {Script}", beneficiaryDetails = Script,
        }, organizer.AccessToken, ct: _ct);
        created.Status.ShouldBe(HttpStatusCode.Created, created.ToString());
        var campaignId = Guid.Parse(created.Body["data"]!["id"]!.GetValue<string>());
        var admin = await _driver.AdminAsync(_ct);
        (await AttackHttp.SendAsync(client, HttpMethod.Patch, $"/api/campaigns/{campaignId}/status", new { status = "active", reason = "ok" }, admin.AccessToken, ct: _ct))
            .Status.ShouldBe(HttpStatusCode.OK);
        var guestEmail = Api.NewEmail("xss-guest");
        var donorName = $"Karim {Script}";
        var message = $"Get well {Script}";
        var pledge = await AttackHttp.SendAsync(client, HttpMethod.Post, "/api/pledges", new
        {
            campaignId, amount = 25m, currency = "BDT", donorEmail = guestEmail, donorName, message,
        }, headers: AttackHttp.IdempotencyKey(), ct: _ct);
        pledge.Status.ShouldBe(HttpStatusCode.Created, pledge.ToString());
        var guest = new Pledge(client, Guid.Parse(pledge.Body["data"]!["id"]!.GetValue<string>()), 25m, pledge.Body["data"]!["guestToken"]!.GetValue<string>(), null);
        await _driver.CompleteAsync(guest, _ct);
        await _driver.WaitForRaisedAsync(campaignId, 25m, _ct);
        // The donor wall is the query service's, fed by the same event a moment later or sooner than campaigns.
        await new ReadSide.ReadModels(platform, _driver).WaitForTotalsAsync(campaignId, 25m, 1, _ct);

        foreach (var path in new[] { $"/api/campaigns/{campaignId}", $"/api/query/campaigns/{campaignId}/donations", $"/api/pledges/campaign/{campaignId}", "/api/campaigns?limit=100" })
        {
            await AttackLedger.TryAsync(Owasp, $"script in user texts comes back raw from {path}", async () =>
            {
                var answer = await AttackHttp.SendAsync(client, HttpMethod.Get, path, ct: _ct);
                answer.Status.ShouldBe(HttpStatusCode.OK, answer.ToString());
                answer.Response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
                answer.Text.ShouldNotContain("<script", Case.Insensitive, answer.ToString());
                answer.Text.ShouldNotContain("<img", Case.Insensitive, answer.ToString());
                // Encoded, not stripped: the text itself is kept exactly.
                answer.Body.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
                    .ShouldContain(Script.Replace("\"", "\\\"", StringComparison.Ordinal));
            });
        }

        await AttackLedger.TryAsync(Owasp, "script in a campaign and a donor's name and message runs in the web app", async () =>
        {
            await using var browser = await platform.NewBrowserSessionAsync(Viewports.Desktop);
            var dialogs = new List<string>();
            await browser.RunAsync(async page =>
            {
                page.Dialog += (_, dialog) =>
                {
                    dialogs.Add(dialog.Message);
                    _ = dialog.DismissAsync();
                };
                await page.GotoAsync($"/campaigns/{campaignId}");
                await Expect(page.GetByText(description)).ToBeVisibleAsync();
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
                (await page.EvaluateAsync<bool>("() => window.__xss === undefined")).ShouldBeTrue("no script from the campaign ran");
                (await page.Locator("img[src='x']").CountAsync()).ShouldBe(0);
                (await page.Locator("script:not([src]):not([type='module'])").AllInnerTextsAsync()).ShouldNotContain(t => t.Contains("__xss", StringComparison.Ordinal));
            });
            dialogs.ShouldBeEmpty();
        });

        await AttackLedger.TryAsync(Owasp, "script in a donor's name and a campaign title reaches mail as HTML", async () =>
        {
            using var mailbox = new Mailbox(platform);
            var mails = await mailbox.WaitForAsync(guestEmail, _ => true, 1, "the pledge mail", _ct);
            var escaped = false;
            foreach (var mail in mails)
            {
                var html = await mailbox.HtmlAsync(mail, _ct);
                html.ShouldNotContain("<script", Case.Insensitive);
                html.ShouldNotContain("<img src=x", Case.Insensitive);
                html.ShouldNotContain("onerror=\"window", Case.Insensitive);
                escaped |= html.Contains("&lt;script&gt;", StringComparison.Ordinal);
            }

            escaped.ShouldBeTrue("the payload reached the mail, escaped");
        });
    }

    [Fact]
    public async Task error_answers_tell_nothing_of_the_code_behind_them()
    {
        var donor = await _driver.NewUserAsync("errors", _ct);
        var client = _driver.NewClient();
        var probes = new (string Attack, HttpMethod Method, string Path, HttpContent? Content, string? Token)[]
        {
            ("malformed JSON", HttpMethod.Post, "/api/pledges", Json("{\"campaignId\":"), null),
            ("a string where a number belongs", HttpMethod.Post, "/api/pledges", Json("{\"campaignId\":\"x\",\"amount\":\"lots\"}"), null),
            ("a number too large for any type", HttpMethod.Post, "/api/pledges", Json($"{{\"amount\":1{new string('0', 400)}}}"), null),
            ("an array where an object belongs", HttpMethod.Post, "/api/auth/register", Json("[1,2,3]"), null),
            ("XML instead of JSON", HttpMethod.Post, "/api/auth/login", new StringContent("<login><email>a</email></login>", System.Text.Encoding.UTF8, "application/xml"), null),
            ("a form instead of JSON", HttpMethod.Post, "/api/campaigns", new FormUrlEncodedContent(new Dictionary<string, string> { ["title"] = "x" }), donor.AccessToken),
            ("a malformed id in the path", HttpMethod.Get, "/api/pledges/not-a-guid", null, donor.AccessToken),
            ("a malformed id in a service route", HttpMethod.Get, "/api/query/campaigns/%27%22%3C%3E/totals", null, null),
            ("a method the route does not have", HttpMethod.Delete, "/api/pledges/00000000-0000-0000-0000-000000000000", null, donor.AccessToken),
            ("an unknown API route", HttpMethod.Get, "/api/nothing-here", null, null),
            ("invalid UTF-8", HttpMethod.Post, "/api/auth/login", new ByteArrayContent([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), null),
            ("a null body where one is required", HttpMethod.Post, "/api/payments/initiate", Json("null"), donor.AccessToken),
            ("a bad date", HttpMethod.Get, "/api/admin/audit-logs?from=yesterday", null, donor.AccessToken),
        };

        foreach (var (attack, method, path, content, token) in probes)
        {
            await AttackLedger.TryAsync(Owasp, $"{attack} ({method} {path}) reveals the code", async () =>
            {
                var answer = await AttackHttp.SendAsync(client, method, path, accessToken: token,
                    headers: AttackHttp.IdempotencyKey(), content: content, ct: _ct);
                answer.ShouldBeRefused();
                foreach (var leak in Leaks)
                {
                    answer.Text.ShouldNotContain(leak, Case.Sensitive, answer.ToString());
                }
            });
        }
    }

    [Fact]
    public async Task api_and_web_app_answers_carry_the_security_headers_and_foreign_origins_get_no_cors()
    {
        var donor = await _driver.NewUserAsync("headers", _ct);
        var client = _driver.NewClient();
        var answers = new (string What, string Path, string? Token, bool Page)[]
        {
            ("an API answer", "/api/campaigns", null, false),
            ("an authenticated API answer", "/api/auth/profile", donor.AccessToken, false),
            ("an API refusal", "/api/auth/profile", null, false),
            ("the gateway's own 404", "/api/nothing-here", null, false),
            ("the web app's start page", "/", null, true),
            ("a deep link into the web app", "/campaigns/00000000-0000-0000-0000-000000000000", null, true),
        };

        foreach (var (what, path, token, page) in answers)
        {
            await AttackLedger.TryAsync(Owasp, $"{what} ({path}) lacks a security header", async () =>
            {
                var answer = await AttackHttp.SendAsync(client, HttpMethod.Get, path, accessToken: token, ct: _ct);
                answer.ShouldNotBeServerError();
                var headers = answer.Response.Headers;
                headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
                headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
                headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
                headers.Contains("Server").ShouldBeFalse();
                headers.Contains("X-Powered-By").ShouldBeFalse();
                answer.Response.Content.Headers.Contains("X-AspNet-Version").ShouldBeFalse();
                if (page)
                {
                    answer.Response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
                    var csp = headers.GetValues("Content-Security-Policy").Single();
                    csp.ShouldContain("default-src");
                    csp.ShouldNotContain("'unsafe-eval'");
                    csp.ShouldContain("frame-ancestors 'none'");
                    csp.Split(';').Select(d => d.Trim()).Where(d => d.StartsWith("script-src", StringComparison.Ordinal))
                        .ShouldAllBe(d => !d.Contains("'unsafe-inline'", StringComparison.Ordinal) && !d.Contains('*', StringComparison.Ordinal));
                }
            });
        }

        await AttackLedger.TryAsync(Owasp, "a foreign origin reads the API with the donor's token (CORS)", async () =>
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/auth/profile");
            preflight.Headers.Add("Origin", "https://evil.example");
            preflight.Headers.Add("Access-Control-Request-Method", "GET");
            preflight.Headers.Add("Access-Control-Request-Headers", "authorization");
            using var answer = await client.SendAsync(preflight, _ct);
            answer.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
            answer.Headers.Contains("Access-Control-Allow-Credentials").ShouldBeFalse();
            var real = await AttackHttp.SendAsync(client, HttpMethod.Get, "/api/auth/profile", accessToken: donor.AccessToken,
                headers: new Dictionary<string, string> { ["Origin"] = "https://evil.example" }, ct: _ct);
            real.Response.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
        });

        await AttackLedger.TryAsync(Owasp, "the API answers a JSON body as something a browser would sniff or render", async () =>
        {
            var answer = await AttackHttp.SendAsync(client, HttpMethod.Get, "/api/campaigns?q=%3Cscript%3E", ct: _ct);
            answer.Response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
            answer.Text.ShouldNotContain("<script", Case.Insensitive);
        });
    }

    private static StringContent Json(string text) => new(text, System.Text.Encoding.UTF8, "application/json");

    public void Dispose() => _driver.Dispose();
}
