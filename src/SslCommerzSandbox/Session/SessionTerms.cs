namespace CareForAll.SslCommerzSandbox.Session;

/// <summary>What a valid session request asks for.</summary>
internal sealed record SessionTerms(
    string TranId,
    decimal CurrencyAmount,
    string CurrencyType,
    decimal CurrencyRate,
    decimal Amount,
    string SuccessUrl,
    string FailUrl,
    string CancelUrl,
    string? IpnUrl,
    string ValueA,
    string ValueB,
    string ValueC,
    string ValueD,
    string ProductName,
    string CustomerName,
    string? MultiCardName);
