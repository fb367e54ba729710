namespace CareForAll.Payments.Features.Payments.Get;

internal sealed class Request
{
    /// <summary>From the route.</summary>
    public Guid Id { get; init; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Id).NotEmpty().WithMessage("Payment id is required.");
    }
}

/// <summary>
/// A payment as its donor sees it. Admins also get the gateway references, who released it, every move (accepted or
/// refused, with its reason and actor) and every refund; for anyone else those fields are null. Never a secret: no
/// session key, no gateway answer, no store credential.
/// </summary>
internal sealed class Response
{
    public required Guid Id { get; init; }

    public required Guid PledgeId { get; init; }

    public required Guid CampaignId { get; init; }

    public required string TranId { get; init; }

    public required string Status { get; init; }

    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    public string? PaymentMethod { get; init; }

    public string? CardType { get; init; }

    public string? CardBrand { get; init; }

    public int? RiskLevel { get; init; }

    public string? RiskTitle { get; init; }

    /// <summary>While the payment is open, where the donor pays.</summary>
    public string? GatewayUrl { get; set; }

    public string? ErrorMessage { get; init; }

    public string? RefundReason { get; init; }

    public DateTimeOffset? RefundedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Admins only.</summary>
    public string? ValId { get; set; }

    /// <summary>Admins only.</summary>
    public string? BankTranId { get; set; }

    /// <summary>Admins only: the amount less the gateway's fee.</summary>
    public decimal? StoreAmount { get; set; }

    /// <summary>Admins only.</summary>
    public Guid? UserId { get; set; }

    /// <summary>Admins only.</summary>
    public string? DonorEmail { get; set; }

    /// <summary>Admins only.</summary>
    public Guid? ReleasedBy { get; set; }

    /// <summary>Admins only.</summary>
    public DateTimeOffset? ReleasedAt { get; set; }

    /// <summary>Admins only: every move and refused move, oldest first.</summary>
    public IReadOnlyList<HistoryItem>? History { get; set; }

    /// <summary>Admins only.</summary>
    public IReadOnlyList<RefundItem>? Refunds { get; set; }
}

internal sealed class HistoryItem
{
    public string? FromStatus { get; init; }

    public required string ToStatus { get; init; }

    public required bool Accepted { get; init; }

    public string? Reason { get; init; }

    public required string Source { get; init; }

    public System.Text.Json.JsonElement? Actor { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}

internal sealed class RefundItem
{
    public required Guid Id { get; init; }

    public required string Kind { get; init; }

    public required string Status { get; init; }

    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    public required string Reason { get; init; }

    public required string RefundTransId { get; init; }

    public string? RefundRefId { get; init; }

    public string? ErrorMessage { get; init; }

    public Guid? AdminId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? RefundedAt { get; init; }
}
