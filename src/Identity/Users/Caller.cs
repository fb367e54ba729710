using CareForAll.Identity.Tokens;
using CareForAll.ServiceDefaults.Api;

namespace CareForAll.Identity.Users;

internal static class Caller
{
    /// <summary>The authenticated caller's user id; endpoints that need one are never anonymous.</summary>
    public static Guid Id(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(TokenClaims.Subject), out var id)
            ? id
            : throw new ApiException(StatusCodes.Status401Unauthorized, "UNAUTHORIZED", "The access token has no valid subject.");
}
