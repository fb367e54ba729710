using CareForAll.Payments.Data;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Payments.Domain;

/// <summary>Event types of the payment aggregate and their data.</summary>
internal static class PaymentEvents
{
    public const string Initiated = "payment.initiated";

    /// <summary><c>payment.authorized</c>, <c>payment.captured</c>... after the status moved to.</summary>
    public static string TypeFor(PaymentStatus status) => "payment." + status.ToName();

    public static PaymentEventData Data(
        PaymentRecord payment, string? previousStatus, string? reason, string? refundRefId, Actor? actor, DateTimeOffset occurredAt)
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
            actor,
            occurredAt);
    }
}
