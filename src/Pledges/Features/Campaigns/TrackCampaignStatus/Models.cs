namespace CareForAll.Pledges.Features.Campaigns.TrackCampaignStatus;

/// <summary>The part of a <c>campaign.*</c> event's data that pledges reads.</summary>
internal sealed class CampaignEventData
{
    public Guid CampaignId { get; init; }

    public string? Status { get; init; }
}
