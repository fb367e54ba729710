using CareForAll.Payments.SslCommerz;

namespace CareForAll.Payments.Tests;

public sealed class NotificationSignatureTests
{
    private const string OfficialPassword = SslCommerzVectors.OfficialPassword;

    // sslcommerz.md B 5.4: the official vector (Python SDK README), 25 signed keys.
    private static Dictionary<string, string> OfficialVector()
    {
        var fields = SslCommerzVectors.OfficialFields();
        fields["verify_key"] = string.Join(',', fields.Keys);
        fields["verify_sign"] = SslCommerzVectors.OfficialVerifySign;
        fields["verify_sign_sha2"] = SslCommerzVectors.OfficialVerifySignSha2;
        return fields;
    }

    private static List<KeyValuePair<string, string>> Signed(Dictionary<string, string> fields) =>
        fields["verify_key"].Split(',').Select(k => KeyValuePair.Create(k, fields[k])).ToList();

    [Fact]
    public void the_official_vector_has_twenty_five_signed_keys() =>
        OfficialVector()["verify_key"].Split(',').Length.ShouldBe(25);

    [Fact]
    public void the_official_vector_reproduces_both_signatures()
    {
        var fields = OfficialVector();

        NotificationSignature.ComputeMd5(Signed(fields), OfficialPassword).ShouldBe("d42fab70ae0bcbda5280e7baffef60b0");
        NotificationSignature.ComputeSha2(Signed(fields), OfficialPassword)
            .ShouldBe("02c0417ff467c109006382d56eedccecd68382e47245266e7b47abbb3d43976e");
        NotificationSignature.Verify(fields, OfficialPassword).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void the_signed_keys_are_sorted_whatever_order_verify_key_lists_them()
    {
        var fields = OfficialVector();
        fields["verify_key"] = string.Join(',', fields["verify_key"].Split(',').Reverse());

        NotificationSignature.Verify(fields, OfficialPassword).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("amount", "1000.00")]
    [InlineData("status", "VALIDATED")]
    [InlineData("tran_id", "5E121A0D01F93")]
    [InlineData("risk_level", "1")]
    [InlineData("value_a", " ")]
    public void a_tampered_copy_is_refused(string field, string value)
    {
        var fields = OfficialVector();
        fields[field] = value;

        var verdict = NotificationSignature.Verify(fields, OfficialPassword);

        verdict.IsValid.ShouldBeFalse();
        verdict.Problem.ShouldBe("verify_sign does not match");
    }

    [Fact]
    public void the_wrong_store_password_is_refused() =>
        NotificationSignature.Verify(OfficialVector(), "another_store@ssl").IsValid.ShouldBeFalse();

    [Fact]
    public void a_matching_md5_with_a_wrong_sha2_is_refused()
    {
        var fields = OfficialVector();
        fields["verify_sign_sha2"] = new string('0', 64);

        NotificationSignature.Verify(fields, OfficialPassword).Problem.ShouldBe("verify_sign_sha2 does not match");
    }

    [Fact]
    public void an_md5_only_notification_of_older_gateways_still_verifies()
    {
        var fields = OfficialVector();
        fields.Remove("verify_sign_sha2");

        NotificationSignature.Verify(fields, OfficialPassword).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void upper_case_hex_is_the_same_signature()
    {
        var fields = OfficialVector();
        fields["verify_sign"] = fields["verify_sign"].ToUpperInvariant();

        NotificationSignature.Verify(fields, OfficialPassword).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void every_key_named_in_verify_key_must_be_posted()
    {
        var fields = OfficialVector();
        fields.Remove("value_d");

        NotificationSignature.Verify(fields, OfficialPassword).Problem.ShouldBe("signed field 'value_d' is missing");
    }

    [Theory]
    [InlineData("verify_sign")]
    [InlineData("verify_key")]
    public void a_notification_without_its_signature_is_refused(string missing)
    {
        var fields = OfficialVector();
        fields.Remove(missing);

        NotificationSignature.Verify(fields, OfficialPassword).IsValid.ShouldBeFalse();
    }

    [Fact]
    public void a_valid_signature_that_does_not_cover_the_amount_is_refused()
    {
        var fields = OfficialVector();
        fields["verify_key"] = string.Join(',', fields["verify_key"].Split(',').Where(k => k != "amount"));
        fields["verify_sign"] = NotificationSignature.ComputeMd5(Signed(fields), OfficialPassword);
        fields["verify_sign_sha2"] = NotificationSignature.ComputeSha2(Signed(fields), OfficialPassword);

        NotificationSignature.Verify(fields, OfficialPassword).Problem.ShouldBe("field 'amount' is not signed");
    }

    [Fact]
    public void values_are_hashed_as_utf8()
    {
        // sslcommerz.md B 5.4's synthetic vector: the official vector with a Bengali value_a.
        var fields = OfficialVector();
        fields["value_a"] = "রহিম & co=1";

        NotificationSignature.ComputeMd5(Signed(fields), OfficialPassword).ShouldBe("a58ef5a0b51e2d99455f58bb5a5a6fac");
        NotificationSignature.ComputeSha2(Signed(fields), OfficialPassword)
            .ShouldBe("4d57f2ecaf87967930c5f320d2cc7fb900d08dba979fe45c41d94312da3fc7e8");
    }
}
