using CareForAll.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>JWT bearer authentication against identity's keys, with the deny-list and the admin policy.</summary>
public static class AuthenticationExtensions
{
    /// <summary>
    /// Validates ES256 access tokens (issuer, audience, lifetime) with identity's keys, refuses tokens on the Redis
    /// deny-list, and registers <see cref="CareForAllPolicies.Admin"/>. Keys come from identity's JWKS through service
    /// discovery (<c>Auth:JwksUri</c>), unless <paramref name="localKeys"/> supplies them in-process. Registers the
    /// <c>redis</c> client unless an <c>IConnectionMultiplexer</c> or <see cref="IAccessTokenDenyList"/> is already
    /// registered (so call <c>AddRedisClient("redis")</c> before this, if at all).
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="localKeys">
    /// The signing keys, for the service that owns them; called per validation, so it should be cheap.
    /// </param>
    public static TBuilder AddCareForAllAuthentication<TBuilder>(
        this TBuilder builder,
        Func<IServiceProvider, IEnumerable<SecurityKey>>? localKeys = null)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptions<CareForAllAuthOptions>().BindConfiguration(CareForAllAuthOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);

        if (localKeys is null)
        {
            services.AddHttpClient(JwksSigningKeySource.HttpClientName);
            services.TryAddSingleton<ISigningKeySource, JwksSigningKeySource>();
        }
        else
        {
            services.TryAddSingleton<ISigningKeySource>(sp => new LocalSigningKeySource(sp, localKeys));
        }

        if (!services.Any(d => d.ServiceType == typeof(IAccessTokenDenyList)))
        {
            if (!services.Any(d => d.ServiceType == typeof(IConnectionMultiplexer)))
            {
                builder.AddRedisClient("redis");
            }

            services.AddSingleton<IAccessTokenDenyList, RedisAccessTokenDenyList>();
        }

        // Resolved only by the services that issue or accept guest tokens; it fails then if the key is missing.
        services.TryAddSingleton<GuestAccessTokens>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<ISigningKeySource, IOptions<CareForAllAuthOptions>>((jwt, keys, auth) =>
            {
                var settings = auth.Value;
                jwt.MapInboundClaims = false;
                jwt.RefreshOnIssuerKeyNotFound = false; // our key source refreshes; there is no OIDC metadata
                jwt.TokenValidationParameters = CareForAllTokenValidation.Parameters(settings, keys.GetKeys);
                jwt.Events = CareForAllJwtEvents.Create();
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(CareForAllPolicies.Admin, policy => policy
                .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireClaim(CareForAllClaims.Role, CareForAllClaims.AdminRole));

        return builder;
    }
}
