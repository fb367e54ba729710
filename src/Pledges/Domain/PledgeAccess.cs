using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Pledges.Domain;

/// <summary>Who may read a pledge: its donor, an admin, or a guest holding that pledge's token.</summary>
internal static class PledgeAccess
{
    public static bool CanRead(ClaimsPrincipal caller, string? pledgeToken, Guid pledgeId, Guid? donorId, GuestAccessTokens guestTokens)
    {
        if (caller.IsAdmin())
        {
            return true;
        }

        if (donorId is { } owner && caller.UserId() == owner)
        {
            return true;
        }

        return !string.IsNullOrEmpty(pledgeToken) && guestTokens.OpensPledge(pledgeToken, pledgeId);
    }
}
