namespace CareForAll.Campaigns.Domain;

/// <summary>Who may see a campaign at all: a draft exists only for its organiser and admins.</summary>
internal static class CampaignVisibility
{
    public static bool IsVisibleTo(string status, CallerRoles roles) => status != CampaignStatus.Draft || roles != CallerRoles.None;
}
