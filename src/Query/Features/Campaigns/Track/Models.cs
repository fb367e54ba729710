namespace CareForAll.Query.Features.Campaigns.Track;

/// <summary>What the read side reads of every <c>campaign.*</c> event: the campaign as it is after the change.</summary>
internal sealed record CampaignEventData(
    Guid CampaignId,
    string? Title,
    string? CampaignType,
    string? Status,
    decimal? GoalAmount,
    string? Currency,
    Guid? OrganizerId,
    DateTimeOffset? StartDate,
    DateTimeOffset? EndDate,
    DateTimeOffset? GoalReachedAt,
    DateTimeOffset? OccurredAt);

/// <summary>The campaign info as the read side keeps it, from an event or from campaigns' snapshot.</summary>
internal sealed record CampaignInfo(
    Guid CampaignId,
    string? Title,
    string? CampaignType,
    string Status,
    decimal? GoalAmount,
    string Currency,
    Guid? OrganizerId,
    DateTimeOffset? StartDate,
    DateTimeOffset? EndDate,
    DateTimeOffset? GoalReachedAt,
    long CampaignVersion,
    DateTimeOffset? CreatedAt);

/// <summary>What applying campaign info did.</summary>
internal sealed record TrackResult
{
    /// <summary>Whether the info was newer than what was kept.</summary>
    public int Applied { get; init; }

    /// <summary>Whether anything a reader sees changed (and was announced).</summary>
    public int Changed { get; init; }
}
