namespace CareForAll.SslCommerzSandbox.Tests;

public sealed class RefundTests(SandboxApp sandbox) : IClassFixture<SandboxApp>
{
    private GatewayCalls Gateway => sandbox.Gateway;

    [Fact]
    public async Task a_refund_is_processing_until_the_refund_delay_has_passed_then_refunded()
    {
        var (tranId, bankTranId) = await PaidAsync("500.00");

        var initiated = await RefundAsync(bankTranId, "500.00", NewRefundTransId());

        initiated.Keys().ShouldBe(["APIConnect", "bank_tran_id", "trans_id", "refund_ref_id", "status", "errorReason"]);
        initiated.Text("APIConnect").ShouldBe("DONE");
        initiated.Text("status").ShouldBe("success");
        initiated.Text("trans_id").ShouldBe(tranId);
        initiated.Text("bank_tran_id").ShouldBe(bankTranId);
        var refundRefId = initiated.Text("refund_ref_id");
        refundRefId.ShouldMatch("^[0-9a-f]{13}$");

        var processing = await Gateway.MerchantApiAsync(("refund_ref_id", refundRefId));
        processing.Text("status").ShouldBe("processing");
        processing.Text("refunded_on").ShouldBe("");
        processing.Text("tran_id").ShouldBe(tranId);

        JsonElement refunded = default;
        await Eventually.UntilAsync(
            async () => (refunded = await Gateway.MerchantApiAsync(("refund_ref_id", refundRefId))).Text("status") == "refunded",
            TimeSpan.FromSeconds(5),
            "the refund never completed");
        refunded.Text("refunded_on").ShouldMatch(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$");
        refunded.Text("initiated_on").ShouldMatch(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$");
    }

    [Fact]
    public async Task a_reused_refund_trans_id_is_refused()
    {
        var (_, bankTranId) = await PaidAsync("500.00");
        var refundTransId = NewRefundTransId();
        (await RefundAsync(bankTranId, "100.00", refundTransId)).Text("status").ShouldBe("success");

        var again = await RefundAsync(bankTranId, "100.00", refundTransId);

        again.Text("status").ShouldBe("failed");
        again.Text("errorReason").ShouldContain("refund_trans_id");
        again.TryGetProperty("refund_ref_id", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task refunds_above_what_remains_refundable_are_refused()
    {
        var (_, bankTranId) = await PaidAsync("100.00");

        var tooMuch = await RefundAsync(bankTranId, "100.01", NewRefundTransId());
        var part = await RefundAsync(bankTranId, "60.00", NewRefundTransId());
        var rest = await RefundAsync(bankTranId, "50.00", NewRefundTransId());
        var exactRest = await RefundAsync(bankTranId, "40.00", NewRefundTransId());

        tooMuch.Text("status").ShouldBe("failed");
        tooMuch.Text("errorReason").ShouldContain("exceeds");
        part.Text("status").ShouldBe("success");
        rest.Text("status").ShouldBe("failed");
        exactRest.Text("status").ShouldBe("success");
    }

    [Fact]
    public async Task a_refund_without_refund_trans_id_is_an_invalid_request()
    {
        var (_, bankTranId) = await PaidAsync("100.00");

        var answer = await Gateway.MerchantApiAsync(
            ("bank_tran_id", bankTranId), ("refund_amount", "10.00"), ("refund_remarks", "Donor asked"));

        answer.Text("APIConnect").ShouldBe("INVALID_REQUEST");
        answer.Text("status").ShouldBe("failed");
        answer.Text("errorReason").ShouldContain("refund_trans_id");
    }

    [Fact]
    public async Task only_a_paid_transaction_can_be_refunded()
    {
        var (tranId, _) = await Gateway.OpenAsync();
        var failed = await Gateway.PayAsync(new { tranId, outcome = "FAILED" });

        var ofFailure = await RefundAsync(failed.Text("bankTranId"), "10.00", NewRefundTransId());
        var ofNothing = await RefundAsync("2601010000000000000000000000", "10.00", NewRefundTransId());

        ofFailure.Text("status").ShouldBe("failed");
        ofNothing.Text("status").ShouldBe("failed");
        ofNothing.Text("errorReason").ShouldContain("bank_tran_id");
    }

    [Fact]
    public async Task an_unknown_refund_ref_id_reports_failed()
    {
        var answer = await Gateway.MerchantApiAsync(("refund_ref_id", "0123456789abc"));

        answer.Text("status").ShouldBe("failed");
    }

    [Fact]
    public async Task the_emulator_view_shows_attempts_validations_and_refunds()
    {
        var (tranId, bankTranId) = await PaidAsync("200.00");
        var valId = (await Gateway.GetJsonAsync($"/_sandbox/transactions/{tranId}"))
            .GetProperty("sessions")[0].GetProperty("attempts")[0].Text("valId");
        await Gateway.ValidateAsync(valId);
        await RefundAsync(bankTranId, "50.00", "R-view");

        var view = await Gateway.GetJsonAsync($"/_sandbox/transactions/{tranId}");

        view.Text("tranId").ShouldBe(tranId);
        var session = view.GetProperty("sessions").EnumerateArray().Single();
        session.Text("status").ShouldBe("VALIDATED");
        var attempt = session.GetProperty("attempts").EnumerateArray().Single();
        attempt.GetProperty("validationCount").GetInt32().ShouldBe(1);
        var refund = attempt.GetProperty("refunds").EnumerateArray().Single();
        refund.GetProperty("amount").GetDecimal().ShouldBe(50m);
        refund.Text("refundTransId").ShouldBe("R-view");
    }

    private async Task<(string TranId, string BankTranId)> PaidAsync(string amount)
    {
        var (tranId, _) = await Gateway.OpenAsync(amount);
        var paid = await Gateway.PayAsync(new { tranId });
        return (tranId, paid.Text("bankTranId"));
    }

    private Task<JsonElement> RefundAsync(string bankTranId, string amount, string refundTransId) =>
        Gateway.MerchantApiAsync(
            ("bank_tran_id", bankTranId),
            ("refund_trans_id", refundTransId),
            ("refund_amount", amount),
            ("refund_remarks", "Donor asked for a refund"),
            ("refe_id", "admin-1"));

    private static string NewRefundTransId() => "R" + Guid.NewGuid().ToString("N")[..20];
}
