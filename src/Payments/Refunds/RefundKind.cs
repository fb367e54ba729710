namespace CareForAll.Payments.Refunds;

/// <summary>Why money goes back: an admin refunds a completed payment, or rejects a risk-held captured one.</summary>
internal static class RefundKind
{
    public const string Refund = "refund";
    public const string Reject = "reject";
}
