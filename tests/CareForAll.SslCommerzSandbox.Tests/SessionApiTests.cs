namespace CareForAll.SslCommerzSandbox.Tests;

public sealed class SessionApiTests(SandboxApp sandbox) : IClassFixture<SandboxApp>
{
    private static readonly string[] RealKeyOrder =
    [
        "status", "failedreason", "sessionkey", "gw", "redirectGatewayURL", "directPaymentURLBank", "directPaymentURLCard",
        "directPaymentURL", "redirectGatewayURLFailed", "GatewayPageURL", "storeBanner", "storeLogo", "store_name", "desc",
        "is_direct_pay_enable",
    ];

    private GatewayCalls Gateway => sandbox.Gateway;

    [Fact]
    public async Task urlencoded_request_opens_a_session_answered_in_the_real_key_order()
    {
        var answer = await Gateway.OpenSessionAsync(Gateway.SessionFields(GatewayCalls.NewTranId()));

        answer.Keys().ShouldBe(RealKeyOrder);
        answer.Text("status").ShouldBe("SUCCESS");
        answer.Text("failedreason").ShouldBe("");
        answer.Text("sessionkey").ShouldMatch("^[0-9A-F]{32}$");
        answer.GetProperty("gw").Keys().ShouldBe(["visa", "master", "amex", "othercards", "internetbanking", "mobilebanking"]);
        answer.GetProperty("gw").Text("mobilebanking").ShouldBe("bkash,nagad,dbblmobilebanking");
        answer.Text("is_direct_pay_enable").ShouldBe("0");
        var desc = answer.GetProperty("desc").EnumerateArray().First();
        desc.Keys().ShouldBe(["name", "type", "logo", "gw", "r_flag", "redirectGatewayURL"]);
    }

    [Fact]
    public async Task gateway_page_url_is_this_host_easy_checkout_with_the_lower_case_session_key()
    {
        var answer = await Gateway.OpenSessionAsync(Gateway.SessionFields(GatewayCalls.NewTranId()));

        var key = answer.Text("sessionkey");
        answer.Text("GatewayPageURL").ShouldBe($"http://localhost/EasyCheckOut/testcde{key.ToLowerInvariant()}");
        using var page = await Gateway.Client.GetAsync(new Uri(answer.Text("GatewayPageURL")).PathAndQuery);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task multipart_request_is_accepted_too()
    {
        var answer = await Gateway.OpenSessionAsync(Gateway.SessionFields(GatewayCalls.NewTranId()), multipart: true);

        answer.Text("status").ShouldBe("SUCCESS", answer.ToString());
    }

    [Theory]
    [InlineData("store_id", "someone-else")]
    [InlineData("store_passwd", "wrong@ssl")]
    [InlineData("store_passwd", "")]
    public async Task wrong_credentials_fail_with_only_status_and_the_store_credential_text(string field, string value)
    {
        var fields = Gateway.SessionFields(GatewayCalls.NewTranId());
        fields[field] = value;

        var answer = await Gateway.OpenSessionAsync(fields);

        answer.Keys().ShouldBe(["status", "failedreason"]);
        answer.Text("status").ShouldBe("FAILED");
        answer.Text("failedreason").ShouldBe("Store Credential Error Or Store is Deactive");
    }

    [Fact]
    public async Task credentials_are_checked_before_anything_else()
    {
        var answer = await Gateway.OpenSessionAsync(new Dictionary<string, string> { ["total_amount"] = "1" });

        answer.Text("failedreason").ShouldBe("Store Credential Error Or Store is Deactive");
    }

    [Theory]
    [InlineData("9.99")]
    [InlineData("500000.01")]
    [InlineData("10.001")]
    [InlineData("-20")]
    [InlineData("ten")]
    public async Task an_amount_outside_10_to_500000_with_two_decimals_fails(string amount)
    {
        var answer = await Gateway.OpenSessionAsync(Gateway.SessionFields(GatewayCalls.NewTranId(), amount));

        answer.Keys().ShouldBe(["status", "failedreason"]);
        answer.Text("status").ShouldBe("FAILED");
        answer.Text("failedreason").ShouldContain("total_amount");
    }

    [Theory]
    [InlineData("10.00")]
    [InlineData("500000")]
    [InlineData("69")]
    public async Task amounts_at_the_limits_and_without_decimals_are_accepted(string amount)
    {
        var answer = await Gateway.OpenSessionAsync(Gateway.SessionFields(GatewayCalls.NewTranId(), amount));

        answer.Text("status").ShouldBe("SUCCESS", answer.ToString());
    }

    [Fact]
    public async Task empty_fields_count_as_absent_and_unknown_fields_are_ignored()
    {
        var fields = Gateway.SessionFields(GatewayCalls.NewTranId());
        fields["productcategory"] = "misspelt extra field";
        fields["verify_sign"] = "sent by some plugins";
        fields["cus_state"] = "";
        var accepted = await Gateway.OpenSessionAsync(fields);
        accepted.Text("status").ShouldBe("SUCCESS", accepted.ToString());

        fields["cus_email"] = "";
        fields.Remove("cus_phone");
        var refused = await Gateway.OpenSessionAsync(fields);
        refused.Text("status").ShouldBe("FAILED");
        refused.Text("failedreason").ShouldBe("Mandatory field(s) missing: cus_email, cus_phone");
    }

    [Fact]
    public async Task a_tran_id_longer_than_30_characters_fails()
    {
        var answer = await Gateway.OpenSessionAsync(Gateway.SessionFields(new string('T', 31)));

        answer.Text("status").ShouldBe("FAILED");
        answer.Text("failedreason").ShouldContain("tran_id");
    }

    [Fact]
    public async Task a_relative_callback_url_fails()
    {
        var fields = Gateway.SessionFields(GatewayCalls.NewTranId());
        fields["ipn_url"] = "/api/payments/webhook/ipn";

        var answer = await Gateway.OpenSessionAsync(fields);

        answer.Text("status").ShouldBe("FAILED");
        answer.Text("failedreason").ShouldContain("ipn_url");
    }

    [Fact]
    public async Task shipping_yes_requires_the_shipping_address()
    {
        var fields = Gateway.SessionFields(GatewayCalls.NewTranId());
        fields["shipping_method"] = "YES";

        var answer = await Gateway.OpenSessionAsync(fields);

        answer.Text("failedreason").ShouldBe("Mandatory field(s) missing: ship_name, ship_add1, ship_city, ship_postcode, ship_country");
    }

    [Fact]
    public async Task one_tran_id_can_open_several_sessions()
    {
        var tranId = GatewayCalls.NewTranId();

        var (_, first) = await Gateway.OpenAsync(tranId: tranId);
        var (_, second) = await Gateway.OpenAsync(tranId: tranId);

        first.ShouldNotBe(second);
    }

    [Fact]
    public async Task multi_card_name_limits_the_offered_gateways()
    {
        var fields = Gateway.SessionFields(GatewayCalls.NewTranId());
        fields["multi_card_name"] = "bkash,nagad";

        var answer = await Gateway.OpenSessionAsync(fields);

        answer.GetProperty("desc").EnumerateArray().Select(entry => entry.Text("gw")).ShouldBe(["bkash", "nagad"]);
        answer.GetProperty("gw").Text("visa").ShouldBe("");
    }

    [Fact]
    public async Task the_logo_urls_of_the_answer_serve_an_image()
    {
        var answer = await Gateway.OpenSessionAsync(Gateway.SessionFields(GatewayCalls.NewTranId()));

        foreach (var url in new[] { answer.Text("storeLogo"), answer.GetProperty("desc")[0].Text("logo") })
        {
            using var image = await Gateway.Client.GetAsync(new Uri(url).PathAndQuery);
            image.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            image.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        }
    }
}
