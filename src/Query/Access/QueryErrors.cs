using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Query.Access;

/// <summary>The errors several read routes answer with, so they answer alike.</summary>
internal static class QueryErrors
{
    /// <summary>No such campaign, or a draft (which does not exist for readers).</summary>
    public static ApiException CampaignNotFound() =>
        new(StatusCodes.Status404NotFound, "CAMPAIGN_NOT_FOUND", "No campaign has this id.");

    /// <summary>The emailed history link is missing, altered, expired or for another address.</summary>
    public static ApiException InvalidHistoryLink() =>
        new(StatusCodes.Status401Unauthorized, "INVALID_HISTORY_LINK",
            "This donation history link is not valid or has expired; ask for a new one.");

    /// <summary>Lets a user read their own figures, and admins anyone's.</summary>
    public static void RequireSelfOrAdmin(ClaimsPrincipal user, Guid userId)
    {
        if (user.UserId() != userId && !user.IsAdmin())
        {
            throw new ApiException(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "You may only read your own donations.");
        }
    }
}
