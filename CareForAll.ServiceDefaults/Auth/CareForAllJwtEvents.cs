using CareForAll.ServiceDefaults.Api;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CareForAll.ServiceDefaults.Auth;

/// <summary>The JwtBearer events: key lookup before validation, the deny-list after it.</summary>
internal static partial class CareForAllJwtEvents
{
    private const string BearerPrefix = "Bearer ";

    public static JwtBearerEvents Create() => new()
    {
        OnMessageReceived = EnsureSigningKeyAsync,
        OnTokenValidated = RefuseDeniedAsync,
    };

    // Key resolution during validation is synchronous, so an unknown kid is fetched here, before it runs.
    private static async Task EnsureSigningKeyAsync(MessageReceivedContext context)
    {
        var token = context.Token ?? BearerToken(context.Request.Headers.Authorization.ToString());
        if (token is null)
        {
            return;
        }

        var keys = context.HttpContext.RequestServices.GetRequiredService<ISigningKeySource>();
        await keys.EnsureKeyAsync(KeyId(token), context.HttpContext.RequestAborted);
    }

    private static async Task RefuseDeniedAsync(TokenValidatedContext context)
    {
        var principal = context.Principal;
        var jti = principal?.FindFirst(CareForAllClaims.TokenId)?.Value;
        var userId = principal?.UserId();
        if (string.IsNullOrEmpty(jti) || userId is null)
        {
            context.Fail("The token lacks its jti or sub.");
            return;
        }

        var services = context.HttpContext.RequestServices;
        bool refused;
        try
        {
            refused = await services.GetRequiredService<IAccessTokenDenyList>().IsRefusedAsync(jti, userId.Value);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Fail closed: a revoked token must not slip through while the deny-list is unreachable. JwtBearer
            // rethrows what an event throws, so this reaches the error envelope as a 503 rather than a 401, which
            // would wrongly tell the client its token is bad.
            LogDenyListUnavailable(services.GetRequiredService<ILogger<TokenValidatedContext>>(), exception);
            throw new ApiException(
                StatusCodes.Status503ServiceUnavailable,
                "SERVICE_UNAVAILABLE",
                "The token could not be checked right now; try again shortly.");
        }

        if (refused)
        {
            context.Fail("The token has been revoked or its user is suspended.");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The access-token deny-list could not be read; refusing the request")]
    private static partial void LogDenyListUnavailable(ILogger logger, Exception exception);

    internal static string? BearerToken(string? authorization)
    {
        if (string.IsNullOrEmpty(authorization) || !authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = authorization[BearerPrefix.Length..].Trim();
        return token.Length == 0 ? null : token;
    }

    internal static string? KeyId(string token)
    {
        var handler = new JsonWebTokenHandler();
        if (!handler.CanReadToken(token))
        {
            return null;
        }

        try
        {
            var kid = handler.ReadJsonWebToken(token).Kid;
            return string.IsNullOrEmpty(kid) ? null : kid;
        }
        catch (ArgumentException)
        {
            return null; // malformed: validation will refuse it
        }
    }
}
