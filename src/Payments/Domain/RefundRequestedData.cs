using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Payments.Domain;

/// <summary>
/// The data of <c>payment.refund_requested</c>: an admin asked for money to go back, written with the refund row
/// before the gateway is asked, so the audit log records the request whatever the gateway then answers (a refusal or
/// a lost answer included); <c>payment.refunded</c> follows only when the gateway confirms.
/// </summary>
/// <param name="Kind"><c>refund</c> (a completed payment) or <c>reject</c> (a risk-held captured one).</param>
/// <param name="PaymentStatus">The payment's status when asked (it does not move until the gateway confirms).</param>
/// <param name="RefundStatus">The refund's status as recorded (<c>requested</c>).</param>
internal sealed record RefundRequestedData(
    Guid PaymentId,
    Guid PledgeId,
    Guid CampaignId,
    Guid RefundId,
    string Kind,
    decimal Amount,
    string Currency,
    string Reason,
    string PaymentStatus,
    string RefundStatus,
    Actor Actor,
    DateTimeOffset OccurredAt);
