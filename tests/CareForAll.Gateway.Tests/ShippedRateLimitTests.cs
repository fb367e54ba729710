using System.Net;
using Microsoft.Extensions.Configuration;

namespace CareForAll.Gateway.Tests;

/// <summary>
/// The rate limits exactly as shipped (appsettings.json's RateLimits and route table), met by a client: the integration
/// run raises several of these budgets so its donation tests are not starved, so this is where each family's shipped
/// number is shown to stop the request after it. Only the clusters are pointed at a stand-in upstream.
/// </summary>
public sealed class ShippedRateLimitTests
{
    private static readonly IConfiguration Shipped = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "gateway.appsettings.json"), optional: false)
        .Build();

    [Theory]
    [InlineData("GET", "/api/auth/profile", "USER", 100)]
    [InlineData("GET", "/api/campaigns/c0ffee00-0000-0000-0000-000000000001", "USER", 200)]
    [InlineData("GET", "/api/pledges/c0ffee00-0000-0000-0000-000000000002", "USER", 100)]
    [InlineData("GET", "/api/payments/c0ffee00-0000-0000-0000-000000000003", "USER", 50)]
    [InlineData("POST", "/api/payments/initiate", "USER", 10)]
    [InlineData("GET", "/api/query/campaigns/top", "USER", 100)]
    [InlineData("GET", "/api/admin/users", "ADMIN", 200)]
    [InlineData("GET", "/api/notifications/user/c0ffee00-0000-0000-0000-000000000004", "USER", 100)]
    [InlineData("POST", "/api/auth/login", null, 5)]
    [InlineData("POST", "/api/payments/webhook/ipn", null, 600)]
    public async Task each_route_family_stops_one_caller_after_its_shipped_number_of_requests(string method, string path, string? role, int shipped)
    {
        await using var gateway = await GatewayHarness.StartAsync(ShippedTable());
        var caller = role is null ? null : TestAuthenticationHandler.TokenFor(Guid.NewGuid(), role);

        for (var request = 1; request <= shipped; request++)
        {
            using var allowed = await gateway.SendAsync(new HttpMethod(method), path, caller);
            allowed.StatusCode.ShouldBe(HttpStatusCode.OK, $"request {request} of {shipped}");
        }

        using var refused = await gateway.SendAsync(new HttpMethod(method), path, caller);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await GatewayHarness.JsonAsync(refused)).GetProperty("error").GetProperty("code").GetString().ShouldBe("RATE_LIMITED");
        gateway.Upstream.HitsOn(path).ShouldBe(shipped);

        // Another caller has a budget of their own.
        var other = role is null ? null : TestAuthenticationHandler.TokenFor(Guid.NewGuid(), role);
        if (other is not null)
        {
            using var fresh = await gateway.SendAsync(new HttpMethod(method), path, other);
            fresh.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    /// <summary>The shipped limits and routes; every route goes to the harness's upstream.</summary>
    private static Dictionary<string, string?> ShippedTable()
    {
        var settings = new Dictionary<string, string?>();
        foreach (var (key, value) in Shipped.AsEnumerable())
        {
            if (value is null || !(key.StartsWith("RateLimits:", StringComparison.Ordinal) || key.StartsWith("ReverseProxy:Routes:", StringComparison.Ordinal)))
            {
                continue;
            }

            settings[key] = key.EndsWith(":ClusterId", StringComparison.Ordinal) ? "upstream"
                // The harness stands in for token validation and has no admin policy; the role check is not under test here.
                : key.EndsWith(":AuthorizationPolicy", StringComparison.Ordinal) && value != "anonymous" ? null
                : value;
        }

        // The harness's own sample routes would shadow the shipped ones.
        foreach (var sample in new[] { "auth", "auth-login", "query", "campaigns" })
        {
            foreach (var key in GatewayHarness.DefaultSettings("http://unused").Keys.Where(k => k.StartsWith($"ReverseProxy:Routes:{sample}:", StringComparison.Ordinal)))
            {
                settings.TryAdd(key, null);
            }
        }

        return settings;
    }
}
