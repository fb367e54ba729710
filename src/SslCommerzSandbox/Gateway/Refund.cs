namespace CareForAll.SslCommerzSandbox.Gateway;

/// <summary>A refund of (part of) a paid attempt; it reads "processing" until <see cref="CompletesAt"/>, then "refunded".</summary>
internal sealed class Refund(
    string refundRefId,
    string? refundTransId,
    PaymentAttempt attempt,
    decimal amount,
    string remarks,
    string? refeId,
    DateTimeOffset initiatedAt,
    DateTimeOffset completesAt)
{
    public string RefundRefId { get; } = refundRefId;
    public string? RefundTransId { get; } = refundTransId;
    public PaymentAttempt Attempt { get; } = attempt;
    public decimal Amount { get; } = amount;
    public string Remarks { get; } = remarks;
    public string? RefeId { get; } = refeId;
    public DateTimeOffset InitiatedAt { get; } = initiatedAt;
    public DateTimeOffset CompletesAt { get; } = completesAt;

    public bool IsRefunded(DateTimeOffset now) => now >= CompletesAt;

    /// <summary>"processing" or "refunded".</summary>
    public string StatusAt(DateTimeOffset now) => IsRefunded(now) ? "refunded" : "processing";
}
