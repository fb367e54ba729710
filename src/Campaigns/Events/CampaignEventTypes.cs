namespace CareForAll.Campaigns.Events;

/// <summary>The events campaigns publishes (aggregate = the campaign, version = its row's version after the change).</summary>
internal static class CampaignEventTypes
{
    public const string Created = "campaign.created";
    public const string Updated = "campaign.updated";
    public const string Activated = "campaign.activated";
    public const string GoalReached = "campaign.goal_reached";
    public const string Expired = "campaign.expired";
    public const string Completed = "campaign.completed";
    public const string Cancelled = "campaign.cancelled";
}
