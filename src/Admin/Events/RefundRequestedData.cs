namespace CareForAll.Admin.Events;

/// <summary><c>payment.refund_requested</c>: an admin asked for money back (a refund, or the rejection of a held payment).</summary>
internal sealed class RefundRequestedData
{
    public const string RefundKind = "refund";
    public const string RejectKind = "reject";

    public Guid PaymentId { get; init; }

    public Guid PledgeId { get; init; }

    public Guid CampaignId { get; init; }

    public Guid RefundId { get; init; }

    public string? Kind { get; init; }

    public decimal Amount { get; init; }

    public string? Currency { get; init; }

    public string? Reason { get; init; }

    /// <summary>The payment's status when the admin asked.</summary>
    public string? PaymentStatus { get; init; }

    public string? RefundStatus { get; init; }

    public ActorData? Actor { get; init; }
}
