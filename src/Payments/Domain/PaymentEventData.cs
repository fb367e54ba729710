using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Payments.Domain;

/// <summary>The data of every <c>payment.*</c> event (contract shape; consumers ignore what they do not know).</summary>
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
    Actor? Actor,
    DateTimeOffset OccurredAt);
