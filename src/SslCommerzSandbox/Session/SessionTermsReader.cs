using CareForAll.SslCommerzSandbox.Gateway;

namespace CareForAll.SslCommerzSandbox.Session;

/// <summary>
/// Checks a session request the recommended way (sslcommerz.md B 2.2): the always-mandatory fields, the amount's
/// format and range, lengths and URLs, then the conditional groups. The real gateway's texts are unknown; these say
/// precisely what is wrong.
/// </summary>
internal static class SessionTermsReader
{
    public const decimal MinimumAmount = 10.00m;
    public const decimal MaximumAmount = 500000.00m;
    private const int TranIdLength = 30;
    private const int UrlLength = 255;
    private const int ValueLength = 255;

    private static readonly string[] Mandatory =
    [
        "total_amount", "currency", "tran_id", "success_url", "fail_url", "cancel_url", "product_category", "product_name",
        "product_profile", "cus_name", "cus_email", "cus_add1", "cus_city", "cus_postcode", "cus_country", "cus_phone",
        "shipping_method",
    ];

    private static readonly string[] UrlFields = ["success_url", "fail_url", "cancel_url", "ipn_url"];
    private static readonly string[] ValueFields = ["value_a", "value_b", "value_c", "value_d"];
    private static readonly string[] ShippingFields = ["ship_name", "ship_add1", "ship_city", "ship_postcode", "ship_country"];

    private static readonly Dictionary<string, string[]> ProfileFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["airline-tickets"] = ["hours_till_departure", "flight_type", "pnr", "journey_from_to", "third_party_booking"],
        ["travel-vertical"] = ["hotel_name", "length_of_stay", "check_in_time", "hotel_city"],
        ["telecom-vertical"] = ["product_type", "topup_number", "country_topup"],
    };

    /// <summary>The terms, or the failedreason the gateway answers with.</summary>
    public static (SessionTerms? Terms, string? Failure) Read(GatewayParameters parameters)
    {
        var missing = Mandatory.Where(name => !parameters.Has(name)).ToArray();
        if (missing.Length > 0)
        {
            return Fail($"Mandatory field(s) missing: {string.Join(", ", missing)}");
        }

        if (!Money.TryParse(parameters["total_amount"], out var currencyAmount))
        {
            return Fail("Invalid total_amount: a number with at most 2 decimals is required");
        }

        var currency = parameters["currency"]!.Trim().ToUpperInvariant();
        if (!Currencies.TryGetRate(currency, out var rate))
        {
            return Fail($"Invalid currency: {currency} is not supported");
        }

        var amount = Money.RoundCents(currencyAmount * rate);
        if (amount is < MinimumAmount or > MaximumAmount)
        {
            return Fail($"Invalid total_amount: must be from {Money.Format(MinimumAmount)} BDT to {Money.Format(MaximumAmount)} BDT");
        }

        var tranId = parameters["tran_id"]!;
        if (tranId.Length > TranIdLength)
        {
            return Fail($"Invalid tran_id: at most {TranIdLength} characters");
        }

        var badUrl = UrlFields.FirstOrDefault(name => parameters[name] is { } url && !IsCallbackUrl(url));
        if (badUrl is not null)
        {
            return Fail($"Invalid {badUrl}: an absolute http(s) URL of at most {UrlLength} characters is required");
        }

        var longValue = ValueFields.FirstOrDefault(name => parameters[name]?.Length > ValueLength);
        if (longValue is not null)
        {
            return Fail($"Invalid {longValue}: at most {ValueLength} characters");
        }

        var conditional = ConditionalFields(parameters).Where(name => !parameters.Has(name)).ToArray();
        if (conditional.Length > 0)
        {
            return Fail($"Mandatory field(s) missing: {string.Join(", ", conditional)}");
        }

        return (new SessionTerms(
            tranId,
            currencyAmount,
            currency,
            rate,
            amount,
            parameters["success_url"]!,
            parameters["fail_url"]!,
            parameters["cancel_url"]!,
            parameters["ipn_url"],
            parameters["value_a"] ?? "",
            parameters["value_b"] ?? "",
            parameters["value_c"] ?? "",
            parameters["value_d"] ?? "",
            parameters["product_name"]!,
            parameters["cus_name"]!,
            parameters["multi_card_name"]), null);
    }

    private static IEnumerable<string> ConditionalFields(GatewayParameters parameters)
    {
        if (string.Equals(parameters["shipping_method"], "YES", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var name in ShippingFields)
            {
                yield return name;
            }
        }

        if (ProfileFields.TryGetValue(parameters["product_profile"]!, out var profileFields))
        {
            foreach (var name in profileFields)
            {
                yield return name;
            }
        }
    }

    private static bool IsCallbackUrl(string url) =>
        url.Length <= UrlLength
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static (SessionTerms?, string?) Fail(string reason) => (null, reason);
}
