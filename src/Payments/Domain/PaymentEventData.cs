using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Payments.Domain;

/// <summary>
/// The data of every <c>payment.*</c> move event (contract shape; consumers ignore what they do not know).
/// <see cref="Source"/> says what caused the move (one of <see cref="TransitionSource"/>), so the audit log can tell
/// an admin's release from the gateway's word and a lost IPN found by reconciliation from one that arrived.
/// </summary>
internal sealed record PaymentEventData(
    Guid PaymentId,
    Guid PledgeId,
    Guid CampaignId,
    string TranId,
    decimal Amount,
    string Currency,
    string Status,
    string? PreviousStatus,
    string? PaymentMethod,
    string? CardType,
    string? BankTranId,
    string? ValId,
    int? RiskLevel,
    string? Reason,
    string? RefundRefId,
    string Source,
    Actor? Actor,
    DateTimeOffset OccurredAt);
