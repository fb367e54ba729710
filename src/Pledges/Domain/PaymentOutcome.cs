namespace CareForAll.Pledges.Domain;

/// <summary>Which pledge status a payment's status implies.</summary>
internal static class PaymentOutcome
{
    private const string PaymentEventPrefix = "payment.";

    /// <summary>
    /// initiated (pending), authorized and captured: the payment is under way; completed, failed and refunded
    /// carry over as they are. Null for anything else.
    /// </summary>
    public static string? PledgeStatusFor(string? paymentStatus) => paymentStatus?.ToLowerInvariant() switch
    {
        "initiated" or "pending" or "authorized" or "captured" => PledgeStatus.PaymentInitiated,
        "completed" => PledgeStatus.Completed,
        "failed" => PledgeStatus.Failed,
        "refunded" => PledgeStatus.Refunded,
        _ => null,
    };

    /// <summary>The pledge status implied by a <c>payment.*</c> event type, e.g. <c>payment.captured</c>.</summary>
    public static string? PledgeStatusForEvent(string eventType) =>
        eventType.StartsWith(PaymentEventPrefix, StringComparison.Ordinal)
            ? PledgeStatusFor(eventType[PaymentEventPrefix.Length..])
            : null;
}
