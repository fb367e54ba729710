namespace CareForAll.SslCommerzSandbox.Control;

/// <summary>A hand-made notification for the latest session of a tran_id.</summary>
/// <param name="Status">VALID (default), FAILED, CANCELLED, UNATTEMPTED or EXPIRED.</param>
/// <param name="Amount">Claims another amount (in the session's currency), correctly signed unless tampered.</param>
/// <param name="Tamper">Sign with a wrong password, as a forger would.</param>
/// <param name="Target">ipn (default), success, fail or cancel.</param>
/// <param name="Method">bkash (default), nagad, rocket or card, for a new VALID or FAILED attempt.</param>
/// <param name="RiskLevel">0 (default) or 1, for a new VALID attempt.</param>
internal sealed record NotificationRequest(
    string? TranId,
    string? Status,
    decimal? Amount,
    bool? Tamper,
    string? Target,
    string? Method,
    int? RiskLevel);
