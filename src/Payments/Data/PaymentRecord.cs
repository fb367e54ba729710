using CareForAll.Payments.Domain;

namespace CareForAll.Payments.Data;

/// <summary>A payment row as read (usually under its row lock); the settlement code changes it and saves it back.</summary>
internal sealed class PaymentRecord
{
    public Guid Id { get; set; }

    public Guid PledgeId { get; set; }

    public Guid CampaignId { get; set; }

    public Guid? UserId { get; set; }

    public string? DonorEmail { get; set; }

    public string TranId { get; set; } = "";

    public string? PaymentMethod { get; set; }

    public decimal Amount { get; set; }

    public string Currency { get; set; } = "BDT";

    public string Status { get; set; } = PaymentStatusNames.Pending;

    public string? SessionKey { get; set; }

    public string? GatewayUrl { get; set; }

    public string? ValId { get; set; }

    public string? BankTranId { get; set; }

    public string? CardType { get; set; }

    public string? CardBrand { get; set; }

    public int? RiskLevel { get; set; }

    public string? RiskTitle { get; set; }

    public decimal? StoreAmount { get; set; }

    public string? GatewayResponse { get; set; }

    public string? ErrorMessage { get; set; }

    public string? RefundReason { get; set; }

    public DateTime? RefundedAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    public Guid? ReleasedBy { get; set; }

    public DateTime? ReleasedAt { get; set; }

    public string? Traceparent { get; set; }

    public long Version { get; set; }

    public DateTime? SessionOpenedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public PaymentStatus State
    {
        get => PaymentStatusNames.Parse(Status);
        set => Status = value.ToName();
    }
}
