namespace CareForAll.SslCommerzSandbox.Gateway;

/// <summary>Amounts as the gateway reads and writes them: invariant, at most two decimals.</summary>
internal static class Money
{
    private const NumberStyles AmountStyle =
        NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    /// <summary>Reads a non-negative amount with at most two decimals ("100", "100.5", "100.50").</summary>
    public static bool TryParse(string? text, out decimal amount) =>
        decimal.TryParse(text, AmountStyle, CultureInfo.InvariantCulture, out amount) && amount == Math.Round(amount, 2);

    /// <summary>"0.00", whatever the culture.</summary>
    public static string Format(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Rounded to cents the way the sandbox does (69 × 0.975 = 67.275 → "67.28").</summary>
    public static decimal RoundCents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
