namespace CareForAll.SslCommerzSandbox.Control;

/// <summary>One session of a tran_id.</summary>
/// <param name="Status">As the session query reports it (PENDING, VALID, VALIDATED, FAILED, EXPIRED...).</param>
/// <param name="Amount">The amount the merchant asked for, in <paramref name="Currency"/>.</param>
/// <param name="BdtAmount">What the gateway charges, in BDT.</param>
internal sealed record SessionView(
    string SessionKey,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    decimal Amount,
    string Currency,
    decimal BdtAmount,
    string? IpnUrl,
    string SuccessUrl,
    string FailUrl,
    string CancelUrl,
    string? MultiCardName,
    string ValueA,
    string ValueB,
    string ValueC,
    string ValueD,
    IReadOnlyList<AttemptView> Attempts);
