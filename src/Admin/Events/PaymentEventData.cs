namespace CareForAll.Admin.Events;

/// <summary>What the admin reads of a <c>payment.*</c> state event.</summary>
internal sealed class PaymentEventData
{
    public const string ReconciliationSource = "reconciliation";

    public Guid PaymentId { get; init; }

    public Guid PledgeId { get; init; }

    public Guid CampaignId { get; init; }

    public string? TranId { get; init; }

    public decimal Amount { get; init; }

    public string? Currency { get; init; }

    public string? Status { get; init; }

    public string? PreviousStatus { get; init; }

    public int? RiskLevel { get; init; }

    public string? Reason { get; init; }

    /// <summary><c>initiation</c>, <c>ipn</c>, <c>browser</c>, <c>reconciliation</c> or <c>admin</c>: what caused the move.</summary>
    public string? Source { get; init; }

    public ActorData? Actor { get; init; }
}
