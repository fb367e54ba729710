using System.Globalization;

namespace CareForAll.Payments.SslCommerz;

/// <summary>Lenient, culture-independent reading and writing of the gateway's string-typed numbers.</summary>
internal static class GatewayValues
{
    private const NumberStyles AmountStyle =
        NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowDecimalPoint;

    /// <summary>Amounts always go out with two decimals and a dot, whatever the server's culture.</summary>
    public static string FormatAmount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    public static decimal? ParseAmount(string? value) =>
        decimal.TryParse(value, AmountStyle, CultureInfo.InvariantCulture, out var amount) ? amount : null;

    public static int? ParseInt(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    public static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
