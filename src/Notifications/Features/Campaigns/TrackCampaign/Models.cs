namespace CareForAll.Notifications.Features.Campaigns.TrackCampaign;

/// <summary>The part of a <c>campaign.*</c> event's data that notifications reads (a tolerant reader).</summary>
internal sealed class CampaignEventData
{
    public Guid CampaignId { get; init; }

    public string? Title { get; init; }

    public string? Status { get; init; }

    public decimal GoalAmount { get; init; }

    public decimal CurrentAmount { get; init; }

    public string? Currency { get; init; }

    public Guid OrganizerId { get; init; }

    public DateTimeOffset? GoalReachedAt { get; init; }
}
