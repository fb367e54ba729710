namespace CareForAll.SslCommerzSandbox.Control;

/// <summary>What a test wants to happen to a session, as if a person chose it on the checkout page.</summary>
/// <param name="TranId">The session is the latest one opened for this tran_id (unless <paramref name="SessionKey"/> is given).</param>
/// <param name="Outcome">VALID (default), FAILED, CANCELLED, UNATTEMPTED or EXPIRED.</param>
/// <param name="RiskLevel">0 (default) or 1.</param>
/// <param name="Method">bkash (default), nagad, rocket or card.</param>
/// <param name="BrowserReturn">none (default), before-ipn, after-ipn or concurrent.</param>
internal sealed record PayRequest(
    string? TranId,
    string? SessionKey,
    string? Outcome,
    int? RiskLevel,
    string? Method,
    IpnRequest? Ipn,
    string? BrowserReturn);
