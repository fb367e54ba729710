using CareForAll.Gateway.Proxy;
using CareForAll.Gateway.RateLimiting;
using Microsoft.Extensions.Configuration;

namespace CareForAll.Gateway.Tests;

/// <summary>The shipped appsettings.json: the seed's limits and the route table's rules.</summary>
public sealed class RouteConfigurationTests
{
    private static readonly IConfiguration Shipped = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "gateway.appsettings.json"), optional: false)
        .Build();

    private static readonly RateLimitsOptions Limits = RateLimitsOptions.From(Shipped);

    [Theory]
    [InlineData("auth", 100)]
    [InlineData("campaigns", 200)]
    [InlineData("pledges", 100)]
    [InlineData("payments", 50)]
    [InlineData("query", 500)]
    [InlineData("admin", 200)]
    [InlineData("notifications", 100)]
    public void each_service_budget_is_the_seeds_per_15_minutes(string budget, int permits)
    {
        var rule = Limits.Budgets[budget];

        rule.PermitLimit.ShouldBe(permits);
        rule.Window.ShouldBe(TimeSpan.FromMinutes(15));
        rule.PartitionBy.ShouldBe(RateLimitPartitionBy.UserOrClientAddress);
    }

    [Theory]
    [InlineData("login", 5, "ClientAddress")]
    [InlineData("payment-initiation", 10, "UserOrClientAddress")]
    [InlineData("query", 100, "UserOrClientAddress")]
    public void tighter_route_policies_are_per_minute(string policy, int permits, string partitionBy)
    {
        var rule = Limits.Policies[policy];

        rule.PermitLimit.ShouldBe(permits);
        rule.Window.ShouldBe(TimeSpan.FromMinutes(1));
        rule.PartitionBy.ShouldBe(Enum.Parse<RateLimitPartitionBy>(partitionBy));
    }

    [Fact]
    public void the_ipn_has_its_own_higher_budget_by_address()
    {
        var ipn = Limits.Budgets["ipn"];
        var payments = Limits.Budgets["payments"];

        (ipn.PermitLimit / ipn.Window.TotalMinutes).ShouldBeGreaterThan(payments.PermitLimit / payments.Window.TotalMinutes);
        ipn.PartitionBy.ShouldBe(RateLimitPartitionBy.ClientAddress);
    }

    [Fact]
    public void the_shipped_route_table_passes_the_startup_check()
    {
        RouteTableCheck.Problems(Shipped, Limits).ShouldBeEmpty();
    }

    [Fact]
    public void login_spends_from_the_login_policy_and_the_auth_budget_and_tolerates_stale_tokens()
    {
        var login = Shipped.GetSection("ReverseProxy:Routes:auth-login");

        login["Match:Path"].ShouldBe("/api/auth/login");
        login["RateLimiterPolicy"].ShouldBe("login");
        login["Metadata:RateLimitBudget"].ShouldBe("auth");
        login["AuthorizationPolicy"].ShouldBe("anonymous");
    }

    [Fact]
    public void auth_and_jwks_go_to_identity_through_service_discovery()
    {
        var routes = Shipped.GetSection("ReverseProxy:Routes").GetChildren().ToList();

        routes.Single(r => r["Match:Path"] == "/api/auth/{**rest}")["ClusterId"].ShouldBe("identity");
        routes.Single(r => r["Match:Path"] == "/.well-known/jwks.json")["ClusterId"].ShouldBe("identity");
        routes.Where(r => r["ClusterId"] == "identity").ShouldAllBe(r => r["Metadata:RateLimitBudget"] == "auth");
        Shipped["ReverseProxy:Clusters:identity:Destinations:identity:Address"].ShouldBe("https+http://identity");
    }

    [Theory]
    [InlineData("campaigns", "/api/campaigns/{**rest}", "campaigns")]
    [InlineData("pledges", "/api/pledges/{**rest}", "pledges")]
    [InlineData("payments", "/api/payments/{**rest}", "payments")]
    [InlineData("payments", "/api/payments/initiate", "payments")]
    [InlineData("payments", "/api/payments/webhook/ipn", "ipn")]
    public void each_service_is_reached_through_service_discovery_within_its_own_budget(string cluster, string path, string budget)
    {
        var route = Shipped.GetSection("ReverseProxy:Routes").GetChildren().Single(r => r["Match:Path"] == path);

        route["ClusterId"].ShouldBe(cluster);
        route["Metadata:RateLimitBudget"].ShouldBe(budget);
        Shipped[$"ReverseProxy:Clusters:{cluster}:Destinations:{cluster}:Address"].ShouldBe($"https+http://{cluster}");
    }

    [Fact]
    public void only_anonymous_campaign_reads_are_cached_and_payment_initiation_has_its_own_tighter_limit()
    {
        var routes = Shipped.GetSection("ReverseProxy:Routes").GetChildren().ToList();

        routes.Where(r => r["OutputCachePolicy"] is not null).Select(r => r.Key).ShouldBe(["campaigns"]);
        routes.Single(r => r["Match:Path"] == "/api/payments/initiate")["RateLimiterPolicy"].ShouldBe("payment-initiation");
        routes.Single(r => r["Match:Path"] == "/api/payments/webhook/ipn")["AuthorizationPolicy"].ShouldBe("anonymous");
    }

    [Fact]
    public void no_shipped_route_reaches_internal_paths()
    {
        Shipped.GetSection("ReverseProxy:Routes").GetChildren()
            .ShouldAllBe(r => !r["Match:Path"]!.StartsWith("/internal", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void shipped_defaults_cap_bodies_at_one_megabyte()
    {
        Shipped["Gateway:MaxRequestBodyBytes"].ShouldBe("1048576");
    }

    [Fact]
    public void the_startup_check_names_every_broken_route()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ReverseProxy:Routes:leak:Match:Path"] = "/internal/users/{id}/suspend",
            ["ReverseProxy:Routes:leak:Metadata:RateLimitBudget"] = "auth",
            ["ReverseProxy:Routes:nobudget:Match:Path"] = "/api/things",
            ["ReverseProxy:Routes:typo:Match:Path"] = "/api/other",
            ["ReverseProxy:Routes:typo:Metadata:RateLimitBudget"] = "campaign",
            ["ReverseProxy:Routes:nopolicy:Match:Path"] = "/api/more",
            ["ReverseProxy:Routes:nopolicy:Metadata:RateLimitBudget"] = "auth",
            ["ReverseProxy:Routes:nopolicy:RateLimiterPolicy"] = "signup",
            ["ReverseProxy:Routes:optout:Match:Path"] = "/api/health-ish",
            ["ReverseProxy:Routes:optout:Metadata:RateLimitBudget"] = "auth",
            ["ReverseProxy:Routes:optout:RateLimiterPolicy"] = "Default",
        };
        GatewayHarness.AddRule(settings, "Budgets:auth", 100, "00:15:00");
        GatewayHarness.AddRule(settings, "Policies:zero", 0, "00:01:00");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var problems = RouteTableCheck.Problems(configuration, RateLimitsOptions.From(configuration));

        problems.Count.ShouldBe(5);
        problems.ShouldContain(p => p.Contains("'leak'") && p.Contains("/internal"));
        problems.ShouldContain(p => p.Contains("'nobudget'"));
        problems.ShouldContain(p => p.Contains("'typo'") && p.Contains("'campaign'"));
        problems.ShouldContain(p => p.Contains("'nopolicy'") && p.Contains("'signup'"));
        problems.ShouldContain(p => p.Contains("'zero'"));
    }
}
