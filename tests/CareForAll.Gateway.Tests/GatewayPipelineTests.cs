using System.Net;
using System.Text;
using CareForAll.Gateway.Caching;
using Microsoft.Extensions.DependencyInjection;

namespace CareForAll.Gateway.Tests;

/// <summary>The gateway's pipeline end to end over HTTP, in front of a recording upstream.</summary>
public sealed class GatewayPipelineTests
{
    private static readonly Guid Alice = Guid.Parse("6c0e8e7a-3f7e-4a8b-9a38-0c0e2e0f0a01");
    private static readonly Guid Bob = Guid.Parse("6c0e8e7a-3f7e-4a8b-9a38-0c0e2e0f0a02");

    [Fact]
    public async Task proxied_answers_carry_the_security_headers_and_no_server_header()
    {
        await using var gateway = await GatewayHarness.StartAsync();

        using var response = await gateway.GetAsync("/api/auth/profile");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'self'");
        response.Headers.Contains("Server").ShouldBeFalse();
        response.Headers.GetValues("X-Request-Id").Single().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task the_gateways_own_answers_carry_the_security_headers_too()
    {
        await using var gateway = await GatewayHarness.StartAsync();

        using var response = await gateway.GetAsync("/api/nowhere");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.Contains("Server").ShouldBeFalse();
        var body = await GatewayHarness.JsonAsync(response);
        body.GetProperty("success").GetBoolean().ShouldBeFalse();
        body.GetProperty("error").GetProperty("code").GetString().ShouldBe("NOT_FOUND");
    }

    [Fact]
    public async Task client_supplied_user_headers_never_reach_a_service()
    {
        await using var gateway = await GatewayHarness.StartAsync();

        using var response = await gateway.SendAsync(HttpMethod.Get, "/api/auth/profile", configure: request =>
        {
            request.Headers.Add("X-User-Id", Alice.ToString());
            request.Headers.Add("X-User-Role", "ADMIN");
            request.Headers.Add("x-user-email", "someone@example.org");
        });

        var forwarded = await GatewayHarness.ForwardedHeadersAsync(response);
        forwarded.Keys.ShouldNotContain(k => k.StartsWith("X-User-", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("trace-me-123")]
    [InlineData("not acceptable <script>")]
    public async Task the_service_sees_the_same_request_id_the_caller_gets_back(string sent)
    {
        await using var gateway = await GatewayHarness.StartAsync();

        using var response = await gateway.SendAsync(HttpMethod.Get, "/api/auth/profile", configure: request =>
            request.Headers.TryAddWithoutValidation("X-Request-Id", sent));

        var answered = response.Headers.GetValues("X-Request-Id").Single();
        var forwarded = await GatewayHarness.ForwardedHeadersAsync(response);
        forwarded["X-Request-Id"].ShouldBe(answered);
        (answered == sent).ShouldBe(sent == "trace-me-123");
    }

    [Fact]
    public async Task an_authenticated_callers_context_replaces_whatever_they_claimed()
    {
        await using var gateway = await GatewayHarness.StartAsync();
        var token = TestAuthenticationHandler.TokenFor(Alice);

        using var response = await gateway.SendAsync(HttpMethod.Get, "/api/auth/profile", token, request =>
        {
            request.Headers.Add("X-User-Id", Bob.ToString());
            request.Headers.Add("X-User-Role", "ADMIN");
        });

        var forwarded = await GatewayHarness.ForwardedHeadersAsync(response);
        forwarded["X-User-Id"].ShouldBe(Alice.ToString());
        forwarded["X-User-Role"].ShouldBe("USER");
        forwarded["Authorization"].ShouldBe(token);
    }

    [Fact]
    public async Task a_refused_token_gets_401_in_the_envelope_and_is_not_proxied()
    {
        await using var gateway = await GatewayHarness.StartAsync();

        using var response = await gateway.GetAsync("/api/auth/profile", "Bearer expired-or-revoked");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldContain("invalid_token");
        var body = await GatewayHarness.JsonAsync(response);
        body.GetProperty("error").GetProperty("code").GetString().ShouldBe("UNAUTHORIZED");
        body.GetProperty("meta").GetProperty("requestId").GetString().ShouldNotBeNullOrWhiteSpace();
        gateway.Upstream.HitsOn("/api/auth/profile").ShouldBe(0);
    }

    [Fact]
    public async Task an_anonymous_route_lets_a_stale_token_through_as_a_guest()
    {
        await using var gateway = await GatewayHarness.StartAsync();

        using var response = await gateway.SendAsync(HttpMethod.Post, "/api/auth/login", "Bearer expired-or-revoked", request =>
            request.Headers.Add("X-User-Id", Alice.ToString()));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var forwarded = await GatewayHarness.ForwardedHeadersAsync(response);
        forwarded.ContainsKey("X-User-Id").ShouldBeFalse();
    }

    [Theory]
    [InlineData("/internal/users/6c0e8e7a-3f7e-4a8b-9a38-0c0e2e0f0a01/suspend")]
    [InlineData("/INTERNAL/anything")]
    [InlineData("//internal/users")]
    [InlineData("/api/auth/verify")]
    [InlineData("/API/Auth/Verify/")]
    [InlineData("/api/auth//verify")]
    [InlineData("/api/notifications/email")]
    public async Task internal_paths_are_never_proxied(string path)
    {
        var settings = new Dictionary<string, string?>
        {
            // Even a careless catch-all route does not open them.
            ["ReverseProxy:Routes:everything:ClusterId"] = "upstream",
            ["ReverseProxy:Routes:everything:Match:Path"] = "/{**rest}",
            ["ReverseProxy:Routes:everything:Metadata:RateLimitBudget"] = "auth",
        };
        await using var gateway = await GatewayHarness.StartAsync(settings);

        // Absolute, so a path starting "//" is not read as another host.
        var address = gateway.Client.BaseAddress!.GetLeftPart(UriPartial.Authority) + path;
        using var response = await gateway.SendAsync(HttpMethod.Post, address, TestAuthenticationHandler.TokenFor(Alice, "ADMIN"));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        gateway.Upstream.Hits.ShouldBeEmpty();
    }

    [Fact]
    public async Task going_over_a_limit_gets_429_in_the_envelope_with_retry_after()
    {
        var settings = new Dictionary<string, string?>();
        GatewayHarness.AddRule(settings, "Policies:login", 2, "00:01:00", "ClientAddress");
        await using var gateway = await GatewayHarness.StartAsync(settings);

        (await gateway.SendAsync(HttpMethod.Post, "/api/auth/login")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await gateway.SendAsync(HttpMethod.Post, "/api/auth/login")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var refused = await gateway.SendAsync(HttpMethod.Post, "/api/auth/login");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        retryAfter.ShouldBeInRange(1, 60);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var body = await GatewayHarness.JsonAsync(refused);
        body.GetProperty("success").GetBoolean().ShouldBeFalse();
        body.GetProperty("error").GetProperty("code").GetString().ShouldBe("RATE_LIMITED");
        body.GetProperty("error").GetProperty("message").GetString().ShouldNotBeNullOrWhiteSpace();
        body.GetProperty("meta").GetProperty("requestId").GetString().ShouldBe(refused.Headers.GetValues("X-Request-Id").Single());
        gateway.Upstream.HitsOn("/api/auth/login").ShouldBe(2);
    }

    [Fact]
    public async Task login_is_limited_per_address_whoever_the_token_says_you_are()
    {
        var settings = new Dictionary<string, string?>();
        GatewayHarness.AddRule(settings, "Policies:login", 2, "00:01:00", "ClientAddress");
        await using var gateway = await GatewayHarness.StartAsync(settings);

        (await gateway.SendAsync(HttpMethod.Post, "/api/auth/login", TestAuthenticationHandler.TokenFor(Alice))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await gateway.SendAsync(HttpMethod.Post, "/api/auth/login", TestAuthenticationHandler.TokenFor(Bob))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await gateway.SendAsync(HttpMethod.Post, "/api/auth/login")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task a_per_user_policy_gives_each_user_their_own_counter_and_guests_one_per_address()
    {
        var settings = new Dictionary<string, string?>();
        GatewayHarness.AddRule(settings, "Policies:query", 2, "00:01:00", "UserOrClientAddress");
        await using var gateway = await GatewayHarness.StartAsync(settings);
        var alice = TestAuthenticationHandler.TokenFor(Alice);
        var bob = TestAuthenticationHandler.TokenFor(Bob);

        for (var i = 0; i < 2; i++)
        {
            (await gateway.GetAsync("/api/query/stats", alice)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await gateway.GetAsync("/api/query/stats", alice)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await gateway.GetAsync("/api/query/stats", bob)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await gateway.GetAsync("/api/query/stats")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await gateway.GetAsync("/api/query/stats")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await gateway.GetAsync("/api/query/stats")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task a_routes_service_budget_applies_on_top_of_its_own_policy()
    {
        var settings = new Dictionary<string, string?>();
        GatewayHarness.AddRule(settings, "Budgets:auth", 3, "00:15:00");
        await using var gateway = await GatewayHarness.StartAsync(settings);
        var alice = TestAuthenticationHandler.TokenFor(Alice);

        // Login (its own policy allows 5) and profile spend from the same auth budget of 3.
        (await gateway.SendAsync(HttpMethod.Post, "/api/auth/login", alice)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await gateway.GetAsync("/api/auth/profile", alice)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await gateway.GetAsync("/api/auth/profile", alice)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await gateway.SendAsync(HttpMethod.Post, "/api/auth/login", alice)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        // Budgets are per service: the query budget is untouched.
        (await gateway.GetAsync("/api/query/stats", alice)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task health_is_answered_and_never_rate_limited()
    {
        var settings = new Dictionary<string, string?>();
        GatewayHarness.AddRule(settings, "Budgets:auth", 1, "00:15:00");
        await using var gateway = await GatewayHarness.StartAsync(settings);

        for (var i = 0; i < 5; i++)
        {
            (await gateway.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task a_body_over_the_limit_gets_413_in_the_envelope_and_is_not_proxied()
    {
        await using var gateway = await GatewayHarness.StartAsync();

        using var response = await gateway.SendAsync(HttpMethod.Post, "/api/auth/register", configure: request =>
            request.Content = new StringContent(new string('x', 2048), Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await GatewayHarness.JsonAsync(response)).GetProperty("error").GetProperty("code").GetString().ShouldBe("PAYLOAD_TOO_LARGE");
        gateway.Upstream.HitsOn("/api/auth/register").ShouldBe(0);
    }

    [Fact]
    public async Task a_chunked_body_over_the_limit_gets_413_in_the_envelope_and_is_not_proxied()
    {
        await using var gateway = await GatewayHarness.StartAsync();

        using var response = await gateway.SendAsync(HttpMethod.Post, "/api/auth/register", configure: request =>
            request.Content = Chunked(new string('x', 200_000)));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await GatewayHarness.JsonAsync(response)).GetProperty("error").GetProperty("code").GetString().ShouldBe("PAYLOAD_TOO_LARGE");
        gateway.Upstream.HitsOn("/api/auth/register").ShouldBe(0);
    }

    [Fact]
    public async Task a_chunked_body_within_the_limit_is_proxied_with_its_length()
    {
        await using var gateway = await GatewayHarness.StartAsync();

        using var response = await gateway.SendAsync(HttpMethod.Post, "/api/auth/register", configure: request =>
            request.Content = Chunked("{\"email\":\"a@example.org\"}"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var forwarded = await GatewayHarness.ForwardedHeadersAsync(response);
        forwarded["Content-Length"].ShouldBe("25");
        forwarded.ContainsKey("Transfer-Encoding").ShouldBeFalse();
    }

    /// <summary>A body whose length the client does not declare, so it goes chunked.</summary>
    private static StreamContent Chunked(string text)
    {
        var content = new StreamContent(new UnseekableStream(Encoding.UTF8.GetBytes(text)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    [Fact]
    public async Task the_spa_origin_may_call_the_api_and_other_origins_may_not()
    {
        await using var gateway = await GatewayHarness.StartAsync();

        using var allowed = await Preflight(gateway, "https://spa.example");
        using var refused = await Preflight(gateway, "https://evil.example");

        allowed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        allowed.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["https://spa.example"]);
        allowed.Headers.Contains("Access-Control-Allow-Credentials").ShouldBeFalse();
        refused.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
        gateway.Upstream.Hits.ShouldBeEmpty();
    }

    private static Task<HttpResponseMessage> Preflight(GatewayHarness gateway, string origin) =>
        gateway.SendAsync(HttpMethod.Options, "/api/auth/login", configure: request =>
        {
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "content-type,authorization");
        });

    [Fact]
    public async Task cached_campaign_pages_are_served_until_their_campaign_is_evicted()
    {
        await using var gateway = await GatewayHarness.StartAsync();
        var campaignId = Guid.NewGuid();
        var page = $"/api/campaigns/{campaignId}";
        var evictor = gateway.Services.GetRequiredService<IGatewayCacheEvictor>();

        (await gateway.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await gateway.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await gateway.GetAsync("/api/campaigns")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await gateway.GetAsync("/api/campaigns")).StatusCode.ShouldBe(HttpStatusCode.OK);
        gateway.Upstream.HitsOn(page).ShouldBe(1);
        gateway.Upstream.HitsOn("/api/campaigns").ShouldBe(1);

        await evictor.EvictCampaignAsync(Guid.NewGuid(), CancellationToken.None);
        (await gateway.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.OK);
        gateway.Upstream.HitsOn(page).ShouldBe(1);
        (await gateway.GetAsync("/api/campaigns")).StatusCode.ShouldBe(HttpStatusCode.OK);
        gateway.Upstream.HitsOn("/api/campaigns").ShouldBe(2);

        await evictor.EvictCampaignAsync(campaignId, CancellationToken.None);
        (await gateway.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.OK);
        gateway.Upstream.HitsOn(page).ShouldBe(2);
    }

    [Fact]
    public async Task a_page_read_while_its_campaign_is_evicted_is_served_but_not_stored()
    {
        await using var gateway = await GatewayHarness.StartAsync();
        var campaignId = Guid.NewGuid();
        var page = $"/api/campaigns/{campaignId}";
        var evictor = gateway.Services.GetRequiredService<IGatewayCacheEvictor>();

        // The page is read from the service just before a donation lands; its eviction arrives before the answer does.
        var (arrived, release) = gateway.Upstream.HoldNext(page);
        var read = gateway.GetAsync(page);
        await arrived;
        await evictor.EvictCampaignAsync(campaignId, CancellationToken.None);
        release();
        (await read).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await gateway.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.OK);
        gateway.Upstream.HitsOn(page).ShouldBe(2);
    }

    [Fact]
    public async Task authenticated_reads_are_never_cached()
    {
        await using var gateway = await GatewayHarness.StartAsync();
        var page = $"/api/campaigns/{Guid.NewGuid()}";

        await gateway.GetAsync(page, TestAuthenticationHandler.TokenFor(Alice));
        await gateway.GetAsync(page, TestAuthenticationHandler.TokenFor(Bob));

        gateway.Upstream.HitsOn(page).ShouldBe(2);
    }
}
