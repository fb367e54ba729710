namespace CareForAll.Payments.Refunds;

/// <summary>A row of <c>payments.refunds</c>.</summary>
internal sealed class RefundRecord
{
    public Guid Id { get; init; }

    public Guid PaymentId { get; init; }

    public string Kind { get; init; } = RefundKind.Refund;

    public string RefundTransId { get; init; } = "";

    public string? RefundRefId { get; init; }

    public decimal Amount { get; init; }

    public string Currency { get; init; } = "BDT";

    public string Status { get; init; } = RefundStatus.Requested;

    public string Reason { get; init; } = "";

    public Guid? AdminId { get; init; }

    /// <summary>The admin as JSON (<c>{ actorId, clientAddress, userAgent, role }</c>).</summary>
    public string? Actor { get; init; }

    public string? ErrorMessage { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; init; }

    public DateTime? RefundedAt { get; init; }
}
