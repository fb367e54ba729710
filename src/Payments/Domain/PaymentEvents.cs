using CareForAll.Payments.Data;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Payments.Domain;

/// <summary>Event types of the payment aggregate and their data.</summary>
internal static class PaymentEvents
{
    public const string Initiated = "payment.initiated";

    /// <summary>An admin asked for a refund or a rejection (not a move: the payment moves when the gateway confirms).</summary>
    public const string RefundRequested = "payment.refund_requested";

    /// <summary>A notification was refused: a bad signature, or a validation answer that is not our payment.</summary>
    public const string NotificationRejected = "payment.notification_rejected";

    /// <summary><c>payment.authorized</c>, <c>payment.captured</c>... after the status moved to.</summary>
    public static string TypeFor(PaymentStatus status) => "payment." + status.ToName();

    public static PaymentEventData Data(
        PaymentRecord payment, string? previousStatus, string? reason, string? refundRefId, string source, Actor? actor,
        DateTimeOffset occurredAt)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return new PaymentEventData(
            payment.Id,
            payment.PledgeId,
            payment.CampaignId,
            payment.TranId,
            payment.Amount,
            payment.Currency,
            payment.Status,
            previousStatus,
            payment.PaymentMethod,
            payment.CardType,
            payment.BankTranId,
            payment.ValId,
            payment.RiskLevel,
            reason,
            refundRefId,
            source,
            actor,
            occurredAt);
    }
}
