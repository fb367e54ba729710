namespace CareForAll.SslCommerzSandbox.Gateway;

/// <summary>
/// Currencies a merchant may charge in. The gateway settles in BDT; other currencies are converted, here at fixed
/// sandbox rates (the real gateway uses the day's rate).
/// </summary>
internal static class Currencies
{
    public const string Settlement = "BDT";

    private static readonly Dictionary<string, decimal> RatesToBdt = new(StringComparer.OrdinalIgnoreCase)
    {
        ["BDT"] = 1m,
        ["USD"] = 120m,
        ["EUR"] = 130m,
        ["GBP"] = 150m,
        ["SGD"] = 90m,
        ["INR"] = 1.4m,
        ["MYR"] = 27m,
    };

    /// <summary>The rate that turns an amount in <paramref name="currency"/> into BDT.</summary>
    public static bool TryGetRate(string currency, out decimal rate) => RatesToBdt.TryGetValue(currency, out rate);

    /// <summary>currency_rate has four decimals ("1.0000").</summary>
    public static string FormatRate(decimal rate) => rate.ToString("0.0000", CultureInfo.InvariantCulture);
}
