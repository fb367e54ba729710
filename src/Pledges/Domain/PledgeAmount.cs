namespace CareForAll.Pledges.Domain;

/// <summary>What a pledge's amount and currency may be.</summary>
internal static class PledgeAmount
{
    public const decimal Minimum = 10.00m;
    public const decimal Maximum = 500_000.00m;
    public const string Currency = "BDT";

    public static bool IsInRange(decimal amount) => amount is >= Minimum and <= Maximum;

    /// <summary>Money is kept to the paisa (numeric(15,2)); a finer amount would be silently rounded.</summary>
    public static bool HasAtMostTwoDecimals(decimal amount) => decimal.Round(amount, 2) == amount;

    /// <summary>Only BDT; an absent currency means BDT.</summary>
    public static bool IsAccepted(string? currency) =>
        string.IsNullOrWhiteSpace(currency) || string.Equals(currency.Trim(), Currency, StringComparison.OrdinalIgnoreCase);
}
