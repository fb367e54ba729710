namespace CareForAll.Pledges.Features.Pledges.Snapshot;

internal sealed class Request
{
    /// <summary>The last id of the previous page (<c>meta.next</c>); the walk starts at the beginning without it.</summary>
    public Guid? After { get; init; }

    public int Limit { get; init; } = PledgeLimits.DefaultSnapshotSize;
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Limit).InclusiveBetween(1, PledgeLimits.MaxSnapshotSize)
            .WithMessage($"Limit must be between 1 and {PledgeLimits.MaxSnapshotSize}.");
    }
}

/// <summary>
/// A counted pledge as the newest event about it said it (the <c>pledge.*</c> event shape), plus its version and
/// whether it ever completed, so a read model rebuilt from these equals one fed by the events: a completed pledge
/// adds its amount; a refunded one that had completed added it and took it back; a refunded one that never completed
/// (a risk-held payment rejected) never counted.
/// </summary>
internal sealed class Item
{
    public required Guid PledgeId { get; init; }

    public required Guid CampaignId { get; init; }

    public Guid? UserId { get; init; }

    public required string DonorEmail { get; init; }

    /// <summary>Null for an anonymous donor, as in the events.</summary>
    public string? DonorName { get; init; }

    public required bool IsAnonymous { get; init; }

    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    /// <summary><c>completed</c> or <c>refunded</c>.</summary>
    public required string Status { get; init; }

    /// <summary>The status the pledge left for this one, as its event said.</summary>
    public string? PreviousStatus { get; init; }

    public Guid? PaymentId { get; init; }

    public string? TranId { get; init; }

    public string? Message { get; init; }

    /// <summary>When the pledge reached its status (its event's <c>occurredAt</c>).</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The pledge's aggregate version: the version of its newest event.</summary>
    public required long Version { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>True when the pledge completed at some point (and so was counted), even if refunded since.</summary>
    public required bool WasCompleted { get; init; }
}
