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
    DateTimeOffset? OccurredAt)
{
    /// <summary>On <c>campaign.updated</c>, the camelCase names of the fields that changed.</summary>
    public IReadOnlyList<string>? Changes { get; init; }

    /// <summary>
    /// A <c>campaign.updated</c> that only says money was applied (campaigns sends one per totals batch): it changes
    /// nothing the read side keeps from campaign events, since money comes from the pledge events.
    /// </summary>
    public bool OnlyAmountChanged => Changes is ["currentAmount"];
}

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
