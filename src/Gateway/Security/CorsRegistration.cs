namespace CareForAll.Gateway.Security;

internal static class CorsRegistration
{
    public const string SectionName = "Cors";

    /// <summary>
    /// Lets the SPA's origins (<c>Cors:Origins</c>) call the API. No credentials: the API authenticates by
    /// bearer header only, never by cookie. No origin configured means no cross-origin access.
    /// </summary>
    public static IServiceCollection AddGatewayCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection($"{SectionName}:Origins").Get<string[]>() ?? [];
        services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .AllowAnyHeader()
            .AllowAnyMethod()
            .WithExposedHeaders("X-Request-Id", "Retry-After", "Idempotent-Replayed", "Location")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        return services;
    }
}
