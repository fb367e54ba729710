namespace CareForAll.Payments.Refunds;

/// <summary>What a refund needs of its payment, read under the payment's row lock.</summary>
internal sealed class RefundablePayment
{
    public string Status { get; init; } = "";

    public decimal Amount { get; init; }

    public string Currency { get; init; } = "BDT";

    public string? BankTranId { get; init; }
}
