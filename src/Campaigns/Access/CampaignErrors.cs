using CareForAll.Campaigns.Domain;
using CareForAll.ServiceDefaults.Api;

namespace CareForAll.Campaigns.Access;

/// <summary>The errors several campaign routes answer with, so they answer alike.</summary>
internal static class CampaignErrors
{
    /// <summary>The one answer for "no such campaign" and "a draft you may not see".</summary>
    public static ApiException NotFound() =>
        new(StatusCodes.Status404NotFound, "CAMPAIGN_NOT_FOUND", "No campaign has this id.");

    public static ApiException NotYours() =>
        new(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "Only the campaign's organiser or an admin may do this.");

    public static ApiException EmailNotVerified() =>
        new(StatusCodes.Status403Forbidden, "EMAIL_NOT_VERIFIED", "Verify your email address before publishing a campaign.");

    public static ApiException Closed(string status) =>
        new(StatusCodes.Status409Conflict, "CAMPAIGN_CLOSED", $"The campaign is {status} and can no longer change.",
            new { status });

    /// <summary>A 400 in the shape of a validation failure, for a rule that needs the stored campaign to check.</summary>
    public static ApiException Invalid(string field, string message) =>
        new(StatusCodes.Status400BadRequest, ErrorCodes.ValidationError, "One or more fields are invalid.",
            new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>
    /// Lets only the campaign's organiser or an admin through, from the campaign already read. Strangers get 404 for
    /// a draft (it does not exist for them) and 403 for anything else.
    /// </summary>
    /// <returns>What the caller is to the campaign.</returns>
    public static CallerRoles RequireOrganizerOrAdmin(ClaimsPrincipal user, string status, Guid organizerId)
    {
        var roles = Caller.RolesFor(user, organizerId);
        if (!CampaignVisibility.IsVisibleTo(status, roles))
        {
            throw NotFound();
        }

        return roles == CallerRoles.None ? throw NotYours() : roles;
    }
}
