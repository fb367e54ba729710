namespace CareForAll.Testing;

/// <summary>
/// SSLCommerz's published signature test vector (sslcommerz.md Part B 5.4, from the official Python SDK's README):
/// both our client's verifier and the sandbox's signer must reproduce it.
/// </summary>
public static class SslCommerzVectors
{
    /// <summary>The store password the vector was signed with.</summary>
    public const string OfficialPassword = "test_testemi@ssl";

    /// <summary>The documented MD5 <c>verify_sign</c>.</summary>
    public const string OfficialVerifySign = "d42fab70ae0bcbda5280e7baffef60b0";

    /// <summary>The SHA-256 <c>verify_sign_sha2</c> (derived and checked against real captures).</summary>
    public const string OfficialVerifySignSha2 = "02c0417ff467c109006382d56eedccecd68382e47245266e7b47abbb3d43976e";

    /// <summary>The 25 signed fields of the official vector (store_id included: without it nothing matches).</summary>
    public static Dictionary<string, string> OfficialFields() => new(StringComparer.Ordinal)
    {
        ["tran_id"] = "5E121A0D01F92",
        ["val_id"] = "200105225826116qFnATY9sHIwo",
        ["amount"] = "10.00",
        ["card_type"] = "VISA-Dutch Bangla",
        ["store_amount"] = "9.75",
        ["card_no"] = "418117XXXXXX6675",
        ["bank_tran_id"] = "200105225825DBgSoRGLvczhFjj",
        ["status"] = "VALID",
        ["tran_date"] = "2020-01-05 22:58:21",
        ["currency"] = "BDT",
        ["card_issuer"] = "TRUST BANK, LTD.",
        ["card_brand"] = "VISA",
        ["card_issuer_country"] = "Bangladesh",
        ["card_issuer_country_code"] = "BD",
        ["currency_type"] = "BDT",
        ["currency_amount"] = "10.00",
        ["currency_rate"] = "1.0000",
        ["base_fair"] = "0.00",
        ["value_a"] = "",
        ["value_b"] = "",
        ["value_c"] = "",
        ["value_d"] = "",
        ["risk_level"] = "0",
        ["risk_title"] = "Safe",
        ["store_id"] = "test_testemi",
    };
}
