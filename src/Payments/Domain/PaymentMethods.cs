namespace CareForAll.Payments.Domain;

/// <summary>Our payment method from the gateway's <c>card_type</c> (e.g. <c>BKASH-BKash</c>, <c>VISA-Dutch Bangla</c>).</summary>
internal static class PaymentMethods
{
    public const string Bkash = "bkash";
    public const string Nagad = "nagad";
    public const string Rocket = "rocket";
    public const string Card = "card";
    public const string Other = "other";

    private static readonly string[] CardSchemes = ["VISA", "MASTER", "AMEX", "UNIONPAY", "DINERS", "JCB", "DISCOVER", "NEXUS"];

    public static string? FromCardType(string? cardType, string? cardBrand = null)
    {
        if (string.IsNullOrWhiteSpace(cardType))
        {
            return null;
        }

        // The part before the first dash names the channel; the rest is the issuer.
        var channel = cardType.Split('-', 2)[0].Trim().ToUpperInvariant();
        if (channel.StartsWith("BKASH", StringComparison.Ordinal))
        {
            return Bkash;
        }

        if (channel.StartsWith("NAGAD", StringComparison.Ordinal))
        {
            return Nagad;
        }

        // Rocket is Dutch-Bangla Bank's mobile banking ("DBBLMOBILEB-Dbbl Mobile Banking").
        if (channel.StartsWith("ROCKET", StringComparison.Ordinal) || channel.StartsWith("DBBLMOBILE", StringComparison.Ordinal))
        {
            return Rocket;
        }

        if (CardSchemes.Any(scheme => channel.StartsWith(scheme, StringComparison.Ordinal))
            || string.Equals(cardBrand, "VISA", StringComparison.OrdinalIgnoreCase)
            || string.Equals(cardBrand, "MASTERCARD", StringComparison.OrdinalIgnoreCase)
            || string.Equals(cardBrand, "AMEX", StringComparison.OrdinalIgnoreCase))
        {
            return Card;
        }

        return Other;
    }
}
