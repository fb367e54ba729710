using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Identity.Users;

internal static class Caller
{
    /// <summary>The authenticated caller's user id; endpoints that need one are never anonymous.</summary>
    public static Guid Id(ClaimsPrincipal user) =>
        user.UserId()
            ?? throw new ApiException(StatusCodes.Status401Unauthorized, "UNAUTHORIZED", "The access token has no valid subject.");
}
