using CareForAll.SslCommerzSandbox.Signing;

namespace CareForAll.SslCommerzSandbox.Tests;

public sealed class SigningTests
{
    // The official vector of the Python SDK's README (sslcommerz.md B 5.4): 25 keys, store_id included.
    private static Dictionary<string, string> OfficialVector() => SslCommerzVectors.OfficialFields();

    [Fact]
    public void official_vector_gives_the_documented_signatures()
    {
        var vector = OfficialVector();
        vector.Count.ShouldBe(25);

        var signature = NotificationSigner.Sign(vector, SslCommerzVectors.OfficialPassword);

        signature.VerifySign.ShouldBe("d42fab70ae0bcbda5280e7baffef60b0");
        signature.VerifySignSha2.ShouldBe("02c0417ff467c109006382d56eedccecd68382e47245266e7b47abbb3d43976e");
    }

    [Fact]
    public void non_ascii_values_are_signed_over_utf8()
    {
        var vector = OfficialVector();
        vector["value_a"] = "রহিম & co=1";

        var signature = NotificationSigner.Sign(vector, SslCommerzVectors.OfficialPassword);

        signature.VerifySign.ShouldBe("a58ef5a0b51e2d99455f58bb5a5a6fac");
        signature.VerifySignSha2.ShouldBe("4d57f2ecaf87967930c5f320d2cc7fb900d08dba979fe45c41d94312da3fc7e8");
    }

    [Fact]
    public void a_real_2023_sandbox_notification_verifies()
    {
        // CAP-IPN-2023: a success POST logged by a merchant on the real sandbox (store yeasi64c7803069071).
        var posted = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["tran_id"] = "REF1234",
            ["val_id"] = "2307311711580TpruhTouBEb4Gf",
            ["amount"] = "100.00",
            ["card_type"] = "VISA-Dutch Bangla",
            ["store_amount"] = "97.50",
            ["card_no"] = "418117XXXXXX7814",
            ["bank_tran_id"] = "230731171158SpmdpoZNvCMQ6FL",
            ["status"] = "VALID",
            ["tran_date"] = "2023-07-31 17:11:40",
            ["error"] = "",
            ["currency"] = "BDT",
            ["card_issuer"] = "TRUST BANK, LTD.",
            ["card_brand"] = "VISA",
            ["card_sub_brand"] = "Classic",
            ["card_issuer_country"] = "Bangladesh",
            ["card_issuer_country_code"] = "BD",
            ["store_id"] = "yeasi64c7803069071",
            ["verify_sign"] = "2421d0d4ff9d0558b3a71bc07e161ccc",
            ["verify_key"] = "amount,bank_tran_id,base_fair,card_brand,card_issuer,card_issuer_country,card_issuer_country_code,"
                + "card_no,card_sub_brand,card_type,currency,currency_amount,currency_rate,currency_type,error,risk_level,"
                + "risk_title,status,store_amount,store_id,tran_date,tran_id,val_id,value_a,value_b,value_c,value_d",
            ["verify_sign_sha2"] = "1009b17045229680b00d27bc4c689aec09bf8b99344101936de43eb813f7d0aa",
            ["currency_type"] = "BDT",
            ["currency_amount"] = "100.00",
            ["currency_rate"] = "1.0000",
            ["base_fair"] = "0.00",
            ["value_a"] = "",
            ["value_b"] = "",
            ["value_c"] = "",
            ["value_d"] = "",
            ["subscription_id"] = "",
            ["risk_level"] = "0",
            ["risk_title"] = "Safe",
        };

        NotificationSigner.Verify(posted, "yeasi64c7803069071@ssl").ShouldBeTrue();
        NotificationSigner.Verify(posted, "someone-else@ssl").ShouldBeFalse();

        var signed = posted["verify_key"].Split(',').ToDictionary(key => key, key => posted[key], StringComparer.Ordinal);
        var signature = NotificationSigner.Sign(signed, "yeasi64c7803069071@ssl");
        signature.VerifyKey.ShouldBe(posted["verify_key"]);
        signature.VerifySign.ShouldBe(posted["verify_sign"]);
        signature.VerifySignSha2.ShouldBe(posted["verify_sign_sha2"]);
    }

    [Fact]
    public void verification_fails_when_a_signed_value_changes_or_a_signed_key_is_missing()
    {
        var posted = SignedOfficialVector();
        NotificationSigner.Verify(posted, SslCommerzVectors.OfficialPassword).ShouldBeTrue();

        var changed = new Dictionary<string, string>(posted, StringComparer.Ordinal) { ["amount"] = "1000.00" };
        NotificationSigner.Verify(changed, SslCommerzVectors.OfficialPassword).ShouldBeFalse();

        var missing = new Dictionary<string, string>(posted, StringComparer.Ordinal);
        missing.Remove("value_d");
        NotificationSigner.Verify(missing, SslCommerzVectors.OfficialPassword).ShouldBeFalse();

        var wrongSha2 = new Dictionary<string, string>(posted, StringComparer.Ordinal) { ["verify_sign_sha2"] = new string('0', 64) };
        NotificationSigner.Verify(wrongSha2, SslCommerzVectors.OfficialPassword).ShouldBeFalse();
    }

    [Fact]
    public void verify_key_lists_the_signed_keys_in_ordinal_order()
    {
        var signature = NotificationSigner.Sign(
            new Dictionary<string, string>(StringComparer.Ordinal) { ["value_a"] = "", ["Zeta"] = "", ["amount"] = "", ["a_b"] = "" },
            "x");

        signature.VerifyKey.ShouldBe("Zeta,a_b,amount,value_a");
    }

    private static Dictionary<string, string> SignedOfficialVector()
    {
        var posted = OfficialVector();
        var signature = NotificationSigner.Sign(posted, SslCommerzVectors.OfficialPassword);
        posted["verify_sign"] = signature.VerifySign;
        posted["verify_key"] = signature.VerifyKey;
        posted["verify_sign_sha2"] = signature.VerifySignSha2;
        return posted;
    }
}
