using CareForAll.Gateway.Errors;
using CareForAll.ServiceDefaults.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Net.Http.Headers;

namespace CareForAll.Gateway.Security;

/// <summary>
/// A request that carries a bearer token the authentication middleware did not accept (bad signature,
/// expired, logged out, suspended user) is answered 401 here rather than proxied as if anonymous.
/// Routes marked anonymous (login, register, refresh, JWKS) let it through as a guest: a client holding an
/// expired access token must still be able to refresh.
/// </summary>
internal sealed class BearerTokenGuardMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true
            && CarriesBearerToken(context.Request)
            && context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return GatewayErrors.WriteAsync(
                context,
                StatusCodes.Status401Unauthorized,
                ErrorCodes.Unauthorized,
                "The access token is invalid, expired or revoked.");
        }

        return next(context);
    }

    internal static bool CarriesBearerToken(HttpRequest request) =>
        request.Headers[HeaderNames.Authorization].ToString()
            .StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
