namespace CareForAll.Query.Features.Ledger.Record;

/// <summary>
/// What the read side reads of <c>pledge.completed</c> and <c>pledge.refunded</c> (a tolerant reader: other fields
/// of the pledge events are ignored).
/// </summary>
internal sealed record PledgeEventData(
    Guid PledgeId,
    Guid CampaignId,
    Guid? UserId,
    string? DonorEmail,
    string? DonorName,
    bool IsAnonymous,
    decimal Amount,
    string? Currency,
    string? Status,
    string? PreviousStatus,
    string? Message,
    DateTimeOffset? OccurredAt);

/// <summary>The pledge events the read side counts money from.</summary>
internal static class PledgeEventTypes
{
    public const string Completed = "pledge.completed";
    public const string Refunded = "pledge.refunded";

    /// <summary>A refund takes back only money that was counted: a pledge refunded from <c>completed</c>.</summary>
    public const string CountedStatus = "completed";
}

/// <summary>The two kinds of ledger row.</summary>
internal static class LedgerKind
{
    public const string Completed = "completed";
    public const string Refunded = "refunded";
}
