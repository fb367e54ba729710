namespace CareForAll.SslCommerzSandbox.Gateway;

/// <summary>A way to pay on the checkout page, with the card_* values the gateway reports for it.</summary>
internal sealed record PaymentMethod(
    string Code,
    string Label,
    string CardType,
    string CardBrand,
    string CardSubBrand,
    string CardCategory,
    string CardIssuer,
    string IssuerCountry,
    string IssuerCountryCode,
    string? CardBin,
    string GatewayCode,
    string GatewayType)
{
    public static readonly PaymentMethod BKash = new(
        "bkash", "bKash", "BKASH-BKash", "MOBILEBANKING", "", "", "BKash Mobile Banking", "Bangladesh", "BD", null, "bkash", "mobilebanking");

    public static readonly PaymentMethod Nagad = new(
        "nagad", "Nagad", "NAGAD-Nagad", "MOBILEBANKING", "", "", "Nagad", "Bangladesh", "BD", null, "nagad", "mobilebanking");

    public static readonly PaymentMethod Rocket = new(
        "rocket", "Rocket (DBBL Mobile Banking)", "DBBLMOBILEB-Dbbl Mobile Banking", "MOBILEBANKING", "", "", "DBBL Mobile Banking",
        "Bangladesh", "BD", null, "dbblmobilebanking", "mobilebanking");

    public static readonly PaymentMethod Card = new(
        "card", "VISA card", "VISA-Dutch Bangla", "VISA", "Classic", "DEBIT", "TRUST BANK, LTD.", "Bangladesh", "BD", "418117", "dbbl_visa", "visa");

    /// <summary>A foreign card: the gateway flags it risk_level 1 ("Not Safe") and the merchant should hold the order.</summary>
    public static readonly PaymentMethod ForeignCard = Card with
    {
        CardCategory = "CREDIT",
        CardIssuer = "BANCO SANTANDER, S.A.",
        IssuerCountry = "Spain",
        IssuerCountryCode = "ES",
        CardBin = "454618",
    };

    /// <summary>The methods the checkout page offers, in page order.</summary>
    public static readonly IReadOnlyList<PaymentMethod> All = [BKash, Nagad, Rocket, Card];

    /// <summary>The method named by <paramref name="code"/> (any case), or null.</summary>
    public static PaymentMethod? Find(string? code) =>
        All.FirstOrDefault(method => string.Equals(method.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The card actually charged: a risky card payment comes from a foreign issuer.</summary>
    public PaymentMethod ForRisk(int riskLevel) => riskLevel == 1 && GatewayType == "visa" ? ForeignCard : this;

    /// <summary>
    /// The methods a session offers: those its channels (multi_card_name) allow, or all of them when it allows
    /// none the page knows (internet banking only, say), so that a tester can always finish.
    /// </summary>
    public static IReadOnlyList<PaymentMethod> OfferedBy(PaymentSession session)
    {
        var offered = All.Where(method => method.IsAmong(session.Gateways)).ToArray();
        return offered.Length > 0 ? offered : All;
    }

    private bool IsAmong(IReadOnlyList<GatewayEntry> gateways) =>
        GatewayType == "visa"
            ? gateways.Any(entry => entry.Type == "visa")
            : gateways.Any(entry => entry.Gw == GatewayCode);
}
