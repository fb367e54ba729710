namespace CareForAll.Pledges.Features.Campaigns.TrackCampaignStatus;

/// <summary>The part of a <c>campaign.*</c> event's data that pledges reads.</summary>
internal sealed class CampaignEventData
{
    public Guid CampaignId { get; init; }

    public string? Status { get; init; }

    /// <summary>On <c>campaign.updated</c>, the camelCase names of the fields that changed.</summary>
    public IReadOnlyList<string>? Changes { get; init; }
}
