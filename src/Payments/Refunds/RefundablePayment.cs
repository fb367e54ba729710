namespace CareForAll.Payments.Refunds;

/// <summary>What a refund needs of its payment, read under the payment's row lock.</summary>
internal sealed class RefundablePayment
{
    public Guid PledgeId { get; init; }

    public Guid CampaignId { get; init; }

    public string Status { get; init; } = "";

    public decimal Amount { get; init; }

    public string Currency { get; init; } = "BDT";

    public string? BankTranId { get; init; }

    /// <summary>Carried by <c>payment.refund_requested</c>, which does not move the payment.</summary>
    public long Version { get; init; }
}
