namespace CareForAll.Query.Features.Rebuild;

/// <summary>One campaign as campaigns' snapshot route lists it: the campaign event shape plus its version.</summary>
internal sealed record CampaignSnapshot
{
    public Guid CampaignId { get; init; }

    /// <summary>Accepted too, in case the snapshot names the id as a campaign route does.</summary>
    public Guid Id { get; init; }

    public string? Title { get; init; }

    public string? CampaignType { get; init; }

    public string? Status { get; init; }

    public decimal? GoalAmount { get; init; }

    public string? Currency { get; init; }

    public Guid? OrganizerId { get; init; }

    public DateTimeOffset? StartDate { get; init; }

    public DateTimeOffset? EndDate { get; init; }

    public DateTimeOffset? GoalReachedAt { get; init; }

    public long Version { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public Guid Key => CampaignId != Guid.Empty ? CampaignId : Id;
}

/// <summary>
/// One pledge as pledges' snapshot route lists it (completed or refunded only): the pledge event shape plus its
/// version, when it completed, and whether a refunded one had completed (so it counted, then was taken back).
/// </summary>
internal sealed record PledgeSnapshot
{
    public Guid PledgeId { get; init; }

    public Guid CampaignId { get; init; }

    public Guid? UserId { get; init; }

    public string? DonorEmail { get; init; }

    public string? DonorName { get; init; }

    public bool IsAnonymous { get; init; }

    public decimal Amount { get; init; }

    public string? Currency { get; init; }

    public string? Status { get; init; }

    public string? PreviousStatus { get; init; }

    public string? Message { get; init; }

    public DateTimeOffset? OccurredAt { get; init; }

    public long Version { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public bool WasCompleted { get; init; }
}

/// <summary>Where a rebuild reads the source of truth from (the owning services; a fake in tests).</summary>
internal interface ISnapshotSource
{
    /// <summary>Every campaign, in pages.</summary>
    IAsyncEnumerable<IReadOnlyList<CampaignSnapshot>> CampaignsAsync(CancellationToken ct);

    /// <summary>Every completed or refunded pledge, in pages.</summary>
    IAsyncEnumerable<IReadOnlyList<PledgeSnapshot>> PledgesAsync(CancellationToken ct);
}
