namespace CareForAll.Payments.Pledges;

/// <summary>The pledge states a payment may be initiated for.</summary>
internal static class PledgeStatuses
{
    public const string Pending = "pending";
    public const string PaymentInitiated = "payment_initiated";

    public static bool IsPayable(string? status) => status is Pending or PaymentInitiated;
}
