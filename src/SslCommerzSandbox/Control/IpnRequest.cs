namespace CareForAll.SslCommerzSandbox.Control;

/// <summary>How the IPN of a scripted payment is delivered; every field optional.</summary>
/// <param name="DelayMs">Wait before sending (0).</param>
/// <param name="Drop">Never send it (false).</param>
/// <param name="Copies">Identical IPNs sent concurrently (1).</param>
/// <param name="EarlierFailure">First send a FAILED IPN for the same tran_id (false).</param>
/// <param name="Retries">Retries on non-2xx or timeout (3).</param>
internal sealed record IpnRequest(int? DelayMs, bool? Drop, int? Copies, bool? EarlierFailure, int? Retries);
