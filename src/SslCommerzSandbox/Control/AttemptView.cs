namespace CareForAll.SslCommerzSandbox.Control;

/// <summary>One payment attempt inside a session.</summary>
internal sealed record AttemptView(
    string Status,
    string? Method,
    string? CardType,
    string? ValId,
    string? BankTranId,
    int RiskLevel,
    DateTimeOffset TranDate,
    decimal Amount,
    decimal? StoreAmount,
    int ValidationCount,
    DateTimeOffset? ValidatedAt,
    IReadOnlyList<RefundView> Refunds);
