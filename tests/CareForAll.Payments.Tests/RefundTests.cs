using System.Text.Json;
using CareForAll.Payments.Refunds;
using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Payments.Tests;

[Collection(PostgresGroup.Name)]
public sealed class RefundTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly Actor Admin = new(Guid.NewGuid(), "203.0.113.9", "admin-browser");

    private TestPayments _payments = null!;

    public async Task InitializeAsync() => _payments = await TestPayments.CreateAsync(server);

    public async Task DisposeAsync() => await _payments.DisposeAsync();

    [Fact]
    public async Task a_refund_completes_when_the_gateway_reports_it_and_names_the_admin()
    {
        var payment = await _payments.SeedPaymentAsync(650m, status: "completed", bankTranId: "BANK1");
        _payments.Gateway.RefundStatuses("processing", "refunded");

        var refund = await _payments.Refunds().StartAsync(payment.Id, RefundKind.Refund, "donor asked", null, Admin, CancellationToken.None);

        refund.Status.ShouldBe("processing");
        refund.RefundRefId.ShouldBe("59bd63fea5455");
        var sent = _payments.Gateway.RefundRequests.Single();
        sent["refund_trans_id"].ShouldBe(refund.RefundTransId);
        sent["refund_amount"].ShouldBe("650.00");
        sent["bank_tran_id"].ShouldBe("BANK1");

        (await _payments.RefundPolling().RunOnceAsync(CancellationToken.None)).ShouldBe(0);
        (await _payments.PaymentAsync(payment.Id)).Status.ShouldBe("completed");

        (await _payments.RefundPolling().RunOnceAsync(CancellationToken.None)).ShouldBe(1);
        var stored = await _payments.PaymentAsync(payment.Id);
        stored.Status.ShouldBe("refunded");
        stored.RefundReason.ShouldBe("donor asked");
        stored.RefundedAt.ShouldNotBeNull();
        (await _payments.CountAsync("SELECT count(*) FROM payments.refunds WHERE status = 'refunded' AND refunded_at IS NOT NULL")).ShouldBe(1);

        await using var connection = await _payments.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT data::text FROM outbox_messages WHERE event_type = 'payment.refunded'";
        using var data = JsonDocument.Parse((string)(await command.ExecuteScalarAsync())!);
        data.RootElement.GetProperty("previousStatus").GetString().ShouldBe("completed");
        data.RootElement.GetProperty("refundRefId").GetString().ShouldBe("59bd63fea5455");
        data.RootElement.GetProperty("actor").GetProperty("actorId").GetGuid().ShouldBe(Admin.ActorId!.Value);
        data.RootElement.GetProperty("actor").GetProperty("clientAddress").GetString().ShouldBe("203.0.113.9");
        (await _payments.RefundPolling().RunOnceAsync(CancellationToken.None)).ShouldBe(0);
        (await _payments.EventsAsync(payment.Id, "payment.refunded")).ShouldBe(1);
    }

    [Fact]
    public async Task a_second_refund_while_one_is_in_progress_is_refused()
    {
        var payment = await _payments.SeedPaymentAsync(status: "completed", bankTranId: "BANK1");
        await _payments.Refunds().StartAsync(payment.Id, RefundKind.Refund, "first", null, Admin, CancellationToken.None);

        var second = await Should.ThrowAsync<ApiException>(() =>
            _payments.Refunds().StartAsync(payment.Id, RefundKind.Refund, "second", null, Admin, CancellationToken.None));

        second.Code.ShouldBe("REFUND_IN_PROGRESS");
        _payments.Gateway.RefundCalls.ShouldBe(1);
    }

    [Theory]
    [InlineData("pending")]
    [InlineData("captured")]
    [InlineData("failed")]
    [InlineData("refunded")]
    public async Task only_a_completed_payment_is_refunded(string status)
    {
        var payment = await _payments.SeedPaymentAsync(status: status, bankTranId: "BANK1");

        var refused = await Should.ThrowAsync<ApiException>(() =>
            _payments.Refunds().StartAsync(payment.Id, RefundKind.Refund, "why", null, Admin, CancellationToken.None));

        refused.StatusCode.ShouldBe(409);
        _payments.Gateway.RefundCalls.ShouldBe(0);
    }

    [Fact]
    public async Task a_partial_refund_is_refused() =>
        (await Should.ThrowAsync<ApiException>(async () =>
            await _payments.Refunds().StartAsync(
                (await _payments.SeedPaymentAsync(500m, status: "completed", bankTranId: "B")).Id, RefundKind.Refund, "why", 100m, Admin,
                CancellationToken.None)))
        .Code.ShouldBe("PARTIAL_REFUND_NOT_SUPPORTED");

    [Fact]
    public async Task a_refund_the_gateway_refuses_fails_with_its_reason_and_can_be_asked_again()
    {
        var payment = await _payments.SeedPaymentAsync(status: "completed", bankTranId: "BANK1");
        _payments.Gateway.RefundAnswer = ("failed", "Refund amount exceeds");

        var refused = await Should.ThrowAsync<ApiException>(() =>
            _payments.Refunds().StartAsync(payment.Id, RefundKind.Refund, "why", null, Admin, CancellationToken.None));

        refused.StatusCode.ShouldBe(502);
        JsonSerializer.Serialize(refused.Details).ShouldContain("Refund amount exceeds");
        (await _payments.CountAsync("SELECT count(*) FROM payments.refunds WHERE status = 'failed' AND error_message = 'Refund amount exceeds'")).ShouldBe(1);
        (await _payments.PaymentAsync(payment.Id)).Status.ShouldBe("completed");

        _payments.Gateway.RefundAnswer = ("success", null);
        (await _payments.Refunds().StartAsync(payment.Id, RefundKind.Refund, "again", null, Admin, CancellationToken.None)).Status.ShouldBe("processing");
    }

    [Fact]
    public async Task a_rejected_risky_payment_goes_from_captured_to_refunded()
    {
        var payment = await _payments.SeedPaymentAsync(status: "captured", bankTranId: "BANK1", riskLevel: 1);
        _payments.Gateway.RefundStatuses("refunded");

        await _payments.Refunds().StartAsync(payment.Id, RefundKind.Reject, "stolen card", null, Admin, CancellationToken.None);
        await _payments.RefundPolling().RunOnceAsync(CancellationToken.None);

        (await _payments.PaymentAsync(payment.Id)).Status.ShouldBe("refunded");
        (await _payments.HistoryAsync(payment.Id)).ShouldContain(h => h.Accepted && h.From == "captured" && h.To == "refunded" && h.Source == "admin");
        (await _payments.EventsAsync(payment.Id, "payment.completed")).ShouldBe(0);
    }

    [Fact]
    public async Task a_refund_whose_gateway_answer_is_lost_stays_open_and_blocks_another_refund()
    {
        var payment = await _payments.SeedPaymentAsync(status: "completed", bankTranId: "BANK1");
        _payments.Gateway.Down = true;

        var lost = await Should.ThrowAsync<ApiException>(() =>
            _payments.Refunds().StartAsync(payment.Id, RefundKind.Refund, "donor asked", null, Admin, CancellationToken.None));

        lost.Code.ShouldBe("REFUND_OUTCOME_UNKNOWN");
        (await _payments.CountAsync("SELECT count(*) FROM payments.refunds WHERE status = 'requested' AND error_message LIKE '%outcome unknown%'")).ShouldBe(1);
        _payments.Gateway.Down = false;
        var again = await Should.ThrowAsync<ApiException>(() =>
            _payments.Refunds().StartAsync(payment.Id, RefundKind.Refund, "try again", null, Admin, CancellationToken.None));
        again.Code.ShouldBe("REFUND_IN_PROGRESS");
        (await _payments.PaymentAsync(payment.Id)).Status.ShouldBe("completed");
    }
}
