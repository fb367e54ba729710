namespace CareForAll.SslCommerzSandbox.Control;

/// <summary>The attempt a scripted payment made; its deliveries run on in the background.</summary>
/// <param name="ValId">Null unless VALID.</param>
/// <param name="BankTranId">Null when no bank was reached.</param>
/// <param name="Amount">The session's amount in <paramref name="Currency"/>, as the merchant asked.</param>
internal sealed record PayResponse(
    string TranId,
    string SessionKey,
    string Status,
    string? ValId,
    string? BankTranId,
    decimal Amount,
    string Currency);
