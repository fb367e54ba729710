namespace CareForAll.Payments.Refunds;

/// <summary>A refund's own states (the payment stays put until the gateway says refunded).</summary>
internal static class RefundStatus
{
    public const string Requested = "requested";
    public const string Processing = "processing";
    public const string Refunded = "refunded";
    public const string Failed = "failed";
}
