namespace CareForAll.SslCommerzSandbox.Tests;

public sealed class TransactionQueryTests(SandboxApp sandbox) : IClassFixture<SandboxApp>
{
    private GatewayCalls Gateway => sandbox.Gateway;

    [Fact]
    public async Task a_tran_id_query_lists_one_element_per_attempt()
    {
        var (tranId, _) = await Gateway.OpenAsync("300.00");
        var paid = await Gateway.PayAsync(new { tranId, ipn = new { earlierFailure = true } });
        await Gateway.OpenAsync("300.00", tranId);

        var answer = await Gateway.MerchantApiAsync(("tran_id", tranId));

        answer.Keys().ShouldBe(["APIConnect", "no_of_trans_found", "element"]);
        answer.Text("APIConnect").ShouldBe("DONE");
        answer.GetProperty("no_of_trans_found").ValueKind.ShouldBe(JsonValueKind.Number);
        answer.GetProperty("no_of_trans_found").GetInt32().ShouldBe(3);
        var elements = answer.GetProperty("element").EnumerateArray().ToArray();
        elements.Select(element => element.Text("status")).ShouldBe(["FAILED", "VALID", "PENDING"]);
        elements.ShouldAllBe(element => element.Text("tran_id") == tranId);
        elements[1].Text("val_id").ShouldBe(paid.Text("valId"));
        elements[1].Text("bank_tran_id").ShouldBe(paid.Text("bankTranId"));
        elements[1].Text("amount").ShouldBe("300.00");
        elements[1].Text("bank_gw").ShouldBe("bkash");
        elements[0].Text("error").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task a_validated_payment_reads_VALIDATED_in_queries()
    {
        var (tranId, sessionKey) = await Gateway.OpenAsync();
        var valId = (await Gateway.PayAsync(new { tranId })).Text("valId");
        (await Gateway.MerchantApiAsync(("sessionkey", sessionKey))).Text("status").ShouldBe("VALID");

        await Gateway.ValidateAsync(valId);

        (await Gateway.MerchantApiAsync(("sessionkey", sessionKey))).Text("status").ShouldBe("VALIDATED");
        var element = (await Gateway.MerchantApiAsync(("tran_id", tranId))).GetProperty("element")[0];
        element.Text("status").ShouldBe("VALIDATED");
        element.Text("validated_on").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task an_unknown_tran_id_reports_no_transaction_and_an_INVALID_element()
    {
        var answer = await Gateway.MerchantApiAsync(("tran_id", "never-used-tran-id"));

        answer.Text("APIConnect").ShouldBe("DONE");
        answer.GetProperty("no_of_trans_found").GetInt32().ShouldBe(0);
        var element = answer.GetProperty("element").EnumerateArray().Single();
        element.Text("tran_id").ShouldBe("never-used-tran-id");
        element.Text("status").ShouldBe("INVALID");
    }

    [Fact]
    public async Task a_session_query_reports_the_session_flat_with_its_key()
    {
        var (tranId, sessionKey) = await Gateway.OpenAsync("120.00");

        var pending = await Gateway.MerchantApiAsync(("sessionkey", sessionKey));

        pending.Keys().Take(6).ShouldBe(["APIConnect", "status", "sessionkey", "tran_date", "tran_id", "val_id"]);
        pending.Text("status").ShouldBe("PENDING");
        pending.Text("sessionkey").ShouldBe(sessionKey);
        pending.Text("tran_id").ShouldBe(tranId);
        pending.Text("amount").ShouldBe("120.00");

        await Gateway.PayAsync(new { sessionKey, outcome = "CANCELLED" });
        (await Gateway.MerchantApiAsync(("sessionkey", sessionKey))).Text("status").ShouldBe("CANCELLED");
    }

    [Fact]
    public async Task wrong_credentials_answer_APIConnect_FAILED_and_no_operation_INVALID_REQUEST()
    {
        var (tranId, _) = await Gateway.OpenAsync();

        var refused = await Gateway.GetJsonAsync(
            $"/validator/api/merchantTransIDvalidationAPI.php?tran_id={tranId}&store_id={SandboxApp.StoreId}&store_passwd=undefined");
        var nothingAsked = await Gateway.MerchantApiAsync();

        refused.Keys().ShouldBe(["APIConnect"]);
        refused.Text("APIConnect").ShouldBe("FAILED");
        nothingAsked.Text("APIConnect").ShouldBe("INVALID_REQUEST");
    }
}
