namespace CareForAll.SslCommerzSandbox.Control;

/// <summary>One refund of a paid attempt.</summary>
internal sealed record RefundView(
    string RefundRefId,
    string? RefundTransId,
    decimal Amount,
    string Remarks,
    string Status,
    DateTimeOffset InitiatedAt,
    DateTimeOffset CompletesAt);
