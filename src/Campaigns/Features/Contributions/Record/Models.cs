namespace CareForAll.Campaigns.Features.Contributions.Record;

/// <summary>
/// What campaigns reads of <c>pledge.completed</c> and <c>pledge.refunded</c> (a tolerant reader: every other field
/// of the pledge events is ignored).
/// </summary>
internal sealed record PledgeEvent(
    Guid PledgeId,
    Guid CampaignId,
    decimal Amount,
    string? Currency,
    string? Status,
    string? PreviousStatus);

/// <summary>Pledge events campaigns counts money from.</summary>
internal static class PledgeEventTypes
{
    public const string Completed = "pledge.completed";
    public const string Refunded = "pledge.refunded";

    /// <summary>A refund subtracts only money that was counted: a pledge refunded from <c>completed</c>.</summary>
    public const string CountedStatus = "completed";
}
