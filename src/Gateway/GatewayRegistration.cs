using CareForAll.Gateway.Caching;
using CareForAll.Gateway.Errors;
using CareForAll.Gateway.Proxy;
using CareForAll.Gateway.RateLimiting;
using CareForAll.Gateway.Security;
using CareForAll.Gateway.Web;

namespace CareForAll.Gateway;

/// <summary>Composes the gateway: what <c>Program.cs</c> calls and what the tests build their gateway from.</summary>
internal static class GatewayRegistration
{
    /// <summary>
    /// Proxy (routes from <c>ReverseProxy</c>, destinations through service discovery), rate limits, CORS,
    /// output cache policies, Kestrel limits, the web app's build (<c>Web:Root</c>). Authentication is registered
    /// by the caller.
    /// </summary>
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var limits = RateLimitsOptions.From(configuration);
        RouteTableCheck.ThrowIfInvalid(configuration, limits);

        var gatewaySection = configuration.GetSection(GatewayOptions.SectionName);
        var gateway = gatewaySection.Get<GatewayOptions>() ?? new GatewayOptions();
        builder.Services.AddOptions<GatewayOptions>().Bind(gatewaySection);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = gateway.MaxRequestBodyBytes;
        });

        builder.Services.AddReverseProxy()
            .LoadFromConfig(configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver()
            .AddTransforms(transforms => transforms.RequestTransforms.Add(new UserContextTransform()));

        builder.Services.AddGatewayRateLimiting(limits);
        builder.Services.AddGatewayCors(configuration);
        builder.Services.AddGatewayOutputCache(gateway);
        builder.Services.AddWebApp(configuration);
        return builder;
    }

    /// <summary>Replaces the in-memory output cache store with Redis (connection <c>redis</c>).</summary>
    public static WebApplicationBuilder AddRedisOutputCacheStore(this WebApplicationBuilder builder)
    {
        builder.Services.AddRedisOutputCacheStore();
        return builder;
    }

    /// <summary>The request pipeline, in the order that matters (see the comments).</summary>
    public static WebApplication UseGateway(this WebApplication app)
    {
        // First, so every answer carries the headers, the gateway's own refusals included.
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // ServiceDefaults already wraps the whole pipeline; this copy sits inside Development's exception page,
        // so a failure still answers in the envelope without a stack trace.
        app.UseCareForAllErrorEnvelope();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseMiddleware<InternalPathGuardMiddleware>();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        // Before routing: a preflight is answered whatever methods a route accepts, and never spends a budget.
        app.UseCors();
        app.UseRouting();
        // Right after routing, so it answers only paths no gateway endpoint claims, and before authentication, the
        // rate limiter and the output cache: pages and assets are not refused for a stale token, do not spend an
        // API budget (a page load is several files), and are never stored among API answers.
        app.UseWebApp();
        app.UseAuthentication();
        app.UseMiddleware<BearerTokenGuardMiddleware>();
        app.UseAuthorization();
        // After authentication, so a validated token's user id picks the partition.
        app.UseRateLimiter();
        app.UseOutputCache();

        app.MapReverseProxy();
        app.MapFallback("{**path}", GatewayErrors.NotFoundAsync).WithMetadata(UnclaimedPathFallback.Instance);
        return app;
    }
}
