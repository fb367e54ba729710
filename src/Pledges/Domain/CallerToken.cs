using CareForAll.ServiceDefaults.Api;

namespace CareForAll.Pledges.Domain;

/// <summary>The bearer token on routes that also serve guests.</summary>
internal static class CallerToken
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>
    /// A bearer token was sent but did not authenticate (expired, revoked, forged). Answering 401 lets the client
    /// refresh it, instead of quietly treating a signed-in donor as a guest.
    /// </summary>
    public static void RefuseUnauthenticatedBearer(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated != true
            && http.Request.Headers.Authorization.ToString().StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiException(StatusCodes.Status401Unauthorized, "UNAUTHORIZED", "The access token is invalid or has expired.");
        }
    }
}
