namespace CareForAll.Pledges.Features.Payments.ApplyPaymentEvent;

/// <summary>The part of a <c>payment.*</c> event's data that pledges reads (a tolerant reader: the rest is ignored).</summary>
internal sealed class PaymentEventData
{
    public Guid PaymentId { get; init; }

    public Guid PledgeId { get; init; }

    public string? TranId { get; init; }

    public string? Status { get; init; }
}

/// <summary>A line of the pledge's state history: a move a payment event asked for, applied or refused.</summary>
internal sealed record StateChange(
    Guid PledgeId,
    string FromStatus,
    string ToStatus,
    bool Accepted,
    string? Reason,
    Guid PaymentId,
    Guid PaymentEventId,
    string PaymentEventType,
    long PaymentVersion,
    DateTimeOffset At);
