namespace CareForAll.Query.Features.Ledger.Apply;

/// <summary>One claimed ledger row, with what the applier must know about its pledge's completion.</summary>
internal sealed class LedgerEntry
{
    public Guid PledgeId { get; init; }

    public required string Kind { get; init; }

    public Guid CampaignId { get; init; }

    public Guid? UserId { get; init; }

    public required string DonorKey { get; init; }

    public required string DonorEmail { get; init; }

    public string? DonorName { get; init; }

    public bool IsAnonymous { get; init; }

    public decimal Amount { get; init; }

    public required string Currency { get; init; }

    public string? Message { get; init; }

    public DateTime OccurredAt { get; init; }

    public DateTime ReceivedAt { get; init; }

    /// <summary>For a refund: whether its pledge's completion row exists at all.</summary>
    public bool CompletionExists { get; init; }

    /// <summary>For a refund: whether its completion was applied by an earlier batch.</summary>
    public bool CompletionApplied { get; init; }

    /// <summary>For a refund: when the donation it takes back was made.</summary>
    public DateTime? CompletionOccurredAt { get; init; }
}

/// <summary>What one batch did.</summary>
/// <param name="Claimed">Ledger rows taken (a full batch means more may be waiting).</param>
/// <param name="Applied">Rows counted into the read models.</param>
/// <param name="Deferred">Refunds left for a later batch: their completion sits in a batch another replica has not committed.</param>
/// <param name="Campaigns">Campaigns whose totals changed.</param>
internal sealed record ProjectionBatch(int Claimed, int Applied, int Deferred, int Campaigns)
{
    public static readonly ProjectionBatch Empty = new(0, 0, 0, 0);
}

/// <summary>A campaign's row after a batch moved it (or a campaign event changed it).</summary>
internal sealed record ChangedCampaign(Guid CampaignId, string? Title, long Version);

/// <summary>A donor's standing donations after an upsert.</summary>
internal sealed record DonorCount(Guid CampaignId, string DonorKey, int Donations);

/// <summary>A platform donor's standing donations after an upsert.</summary>
internal sealed record PlatformDonorCount(string DonorKey, int Donations);
