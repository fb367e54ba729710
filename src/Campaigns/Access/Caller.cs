using CareForAll.Campaigns.Domain;
using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Campaigns.Access;

internal static class Caller
{
    /// <summary>The authenticated caller's user id; endpoints that need one are never anonymous.</summary>
    public static Guid Id(ClaimsPrincipal user) =>
        user.UserId()
            ?? throw new ApiException(StatusCodes.Status401Unauthorized, "UNAUTHORIZED", "The access token has no valid subject.");

    /// <summary>What the caller (possibly anonymous) is to a campaign organised by <paramref name="organizerId"/>.</summary>
    public static CallerRoles RolesFor(ClaimsPrincipal user, Guid organizerId)
    {
        var roles = CallerRoles.None;
        if (user.UserId() == organizerId)
        {
            roles |= CallerRoles.Organizer;
        }

        if (user.IsAdmin())
        {
            roles |= CallerRoles.Admin;
        }

        return roles;
    }
}
