namespace CareForAll.SslCommerzSandbox.Tests;

public sealed class ValidationApiTests(SandboxApp sandbox) : IClassFixture<SandboxApp>
{
    private static readonly string[] NumericFields = ["offer_avail", "isTokeizeSuccess"];

    private GatewayCalls Gateway => sandbox.Gateway;

    [Fact]
    public async Task the_first_validation_is_VALID_and_every_later_one_VALIDATED()
    {
        var (tranId, _) = await Gateway.OpenAsync("250.00");
        var valId = (await Gateway.PayAsync(new { tranId, method = "card" })).Text("valId");

        var first = await Gateway.ValidateAsync(valId);
        var second = await Gateway.ValidateAsync(valId);
        var third = await Gateway.ValidateAsync(valId);

        first.Text("status").ShouldBe("VALID");
        second.Text("status").ShouldBe("VALIDATED");
        third.Text("status").ShouldBe("VALIDATED");
        first.Text("tran_id").ShouldBe(tranId);
        first.Text("val_id").ShouldBe(valId);
        first.Text("amount").ShouldBe("250.00");
        first.Text("store_amount").ShouldBe("243.75");
        first.Text("currency").ShouldBe("BDT");
        first.Text("currency_type").ShouldBe("BDT");
        first.Text("currency_amount").ShouldBe("250.00");
        first.Text("card_type").ShouldBe("VISA-Dutch Bangla");
        first.Text("risk_level").ShouldBe("0");
        first.Text("APIConnect").ShouldBe("DONE");
        first.Text("card_ref_id").ShouldMatch("^[0-9a-f]{66}$");
        first.Text("validated_on").ShouldBe(second.Text("validated_on"));
        first.Keys().ShouldBe(
        [
            "status", "tran_date", "tran_id", "val_id", "amount", "store_amount", "currency", "bank_tran_id", "card_type", "card_no",
            "card_issuer", "card_brand", "card_sub_brand", "card_category", "card_issuer_country", "card_issuer_country_code",
            "currency_type", "currency_amount", "currency_rate", "base_fair", "value_a", "value_b", "value_c", "value_d",
            "emi_instalment", "emi_amount", "emi_description", "emi_issuer", "account_details", "risk_title", "risk_level",
            "APIConnect", "validated_on", "gw_version", "card_ref_id", "offer_avail", "isTokeizeSuccess", "campaign_code",
        ]);
        foreach (var field in first.EnumerateObject())
        {
            field.Value.ValueKind.ShouldBe(NumericFields.Contains(field.Name) ? JsonValueKind.Number : JsonValueKind.String, field.Name);
        }
    }

    [Fact]
    public async Task an_unknown_val_id_is_an_invalid_transaction_and_nothing_else()
    {
        var answer = await Gateway.ValidateAsync("2601010000000000000000000000");

        answer.Keys().ShouldBe(["status", "APIConnect"]);
        answer.Text("status").ShouldBe("INVALID_TRANSACTION");
    }

    [Fact]
    public async Task wrong_credentials_are_an_invalid_transaction_even_for_a_real_val_id()
    {
        var (tranId, _) = await Gateway.OpenAsync();
        var valId = (await Gateway.PayAsync(new { tranId })).Text("valId");

        var answer = await Gateway.ValidateAsync(valId, password: "undefined");

        answer.Keys().ShouldBe(["status", "APIConnect"]);
        answer.Text("status").ShouldBe("INVALID_TRANSACTION");
        // The refused call did not use up the first VALID.
        (await Gateway.ValidateAsync(valId)).Text("status").ShouldBe("VALID");
    }

    [Fact]
    public async Task a_post_with_the_parameters_in_the_query_string_and_capitalised_names_is_understood()
    {
        var (tranId, _) = await Gateway.OpenAsync();
        var valId = (await Gateway.PayAsync(new { tranId })).Text("valId");

        using var response = await Gateway.Client.PostAsync(
            $"/validator/api/validationserverAPI.php?VAL_ID={valId}&Store_Id={SandboxApp.StoreId}&Store_Passwd={SandboxApp.StorePassword}",
            content: null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        answer.Text("status").ShouldBe("VALID");
    }

    [Fact]
    public async Task form_parameters_are_merged_with_the_query_string()
    {
        var (tranId, _) = await Gateway.OpenAsync();
        var valId = (await Gateway.PayAsync(new { tranId })).Text("valId");

        using var response = await Gateway.Client.PostAsync(
            $"/validator/api/validationserverAPI.php?val_id={valId}",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["store_id"] = SandboxApp.StoreId,
                ["store_passwd"] = SandboxApp.StorePassword,
            }));

        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Text("status").ShouldBe("VALID");
    }
}
