using System.Text.Json;
using CareForAll.BuildingBlocks.Messaging;
using CareForAll.Payments.Domain;
using CareForAll.Payments.Notifications;
using CareForAll.Payments.Refunds;
using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Payments.Tests;

/// <summary>What the events say about who or what moved a payment, and the events that are not moves.</summary>
[Collection(PostgresGroup.Name)]
public sealed class PaymentEventsTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly Actor Admin = new(Guid.NewGuid(), "203.0.113.9", "admin-browser", "ADMIN");

    private TestPayments _payments = null!;

    public async Task InitializeAsync() => _payments = await TestPayments.CreateAsync(server);

    public async Task DisposeAsync() => await _payments.DisposeAsync();

    private async Task<IReadOnlyList<string?>> SourcesAsync(Guid paymentId, params string[] eventTypes)
    {
        var sources = new List<string?>();
        foreach (var eventType in eventTypes)
        {
            sources.AddRange((await _payments.OutboxAsync(eventType)).Where(e => e.AggregateId == paymentId).Select(e => e.Text("source")));
        }

        return sources;
    }

    [Fact]
    public void the_admin_queue_is_bound_to_the_events_payments_writes_for_it()
    {
        MessagingTopology.Queues["admin"].ShouldContain(PaymentEvents.RefundRequested);
        MessagingTopology.Queues["admin"].ShouldContain(PaymentEvents.NotificationRejected);
    }

    [Theory]
    [InlineData("ipn")]
    [InlineData("browser")]
    public async Task moves_caused_by_a_notification_name_where_it_came_from(string source)
    {
        var payment = await _payments.SeedPaymentAsync();
        _payments.Gateway.Paid("VAL1", payment.TranId, payment.Amount);
        var fields = GatewayNotifications.Valid(payment, "VAL1");

        await _payments.Processor().ProcessAsync(
            source == "ipn" ? GatewayNotifications.Ipn(fields) : GatewayNotifications.Browser(fields), CancellationToken.None);

        (await SourcesAsync(payment.Id, "payment.authorized", "payment.captured", "payment.completed")).ShouldBe([source, source, source]);
    }

    [Fact]
    public async Task a_move_found_by_reconciliation_says_so()
    {
        var payment = await _payments.SeedPaymentAsync(900m, age: TimeSpan.FromMinutes(5));
        _payments.Gateway.Attempts(payment.TranId, new { status = "VALID", tran_id = payment.TranId, val_id = "VAL9", amount = "900.00" });
        _payments.Gateway.Paid("VAL9", payment.TranId, 900m);

        await _payments.Reconciliation().RunOnceAsync(CancellationToken.None);

        (await SourcesAsync(payment.Id, "payment.captured", "payment.completed")).ShouldBe(["reconciliation", "reconciliation"]);
        (await _payments.OutboxAsync(PaymentEvents.NotificationRejected)).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_refund_the_gateway_confirms_is_an_admin_move()
    {
        var payment = await _payments.SeedPaymentAsync(status: "completed", bankTranId: "BANK1");
        _payments.Gateway.RefundStatuses("refunded");

        await _payments.Refunds().StartAsync(payment.Id, RefundKind.Refund, "donor asked", null, Admin, CancellationToken.None);
        await _payments.RefundPolling().RunOnceAsync(CancellationToken.None);

        var refunded = (await _payments.OutboxAsync("payment.refunded")).Single();
        refunded.Text("source").ShouldBe("admin");
        refunded.Data.GetProperty("actor").GetProperty("role").GetString().ShouldBe("ADMIN");
    }

    [Theory]
    [InlineData(RefundKind.Refund, "completed", 0)]
    [InlineData(RefundKind.Reject, "captured", 1)]
    public async Task an_admins_refund_request_is_announced_once_with_the_refund_row(string kind, string status, int riskLevel)
    {
        var payment = await _payments.SeedPaymentAsync(650m, status: status, bankTranId: "BANK1", riskLevel: riskLevel);
        _payments.Gateway.RefundStatuses("refunded");

        var refund = await _payments.Refunds().StartAsync(payment.Id, kind, "stolen card", null, Admin, CancellationToken.None);
        await _payments.RefundPolling().RunOnceAsync(CancellationToken.None);

        var requested = (await _payments.OutboxAsync(PaymentEvents.RefundRequested)).Single();
        requested.AggregateId.ShouldBe(payment.Id);
        requested.AggregateVersion.ShouldBe(payment.Version, "the payment had not moved");
        var data = requested.Data;
        data.GetProperty("paymentId").GetGuid().ShouldBe(payment.Id);
        data.GetProperty("pledgeId").GetGuid().ShouldBe(payment.PledgeId);
        data.GetProperty("campaignId").GetGuid().ShouldBe(payment.CampaignId);
        data.GetProperty("refundId").GetGuid().ShouldBe(refund.Id);
        data.GetProperty("kind").GetString().ShouldBe(kind);
        data.GetProperty("amount").GetDecimal().ShouldBe(650m);
        data.GetProperty("currency").GetString().ShouldBe("BDT");
        data.GetProperty("reason").GetString().ShouldBe("stolen card");
        data.GetProperty("paymentStatus").GetString().ShouldBe(status);
        data.GetProperty("refundStatus").GetString().ShouldBe("requested");
        data.GetProperty("occurredAt").GetDateTimeOffset().ShouldBe(_payments.Clock.Now);
        var actor = data.GetProperty("actor");
        actor.GetProperty("actorId").GetGuid().ShouldBe(Admin.ActorId!.Value);
        actor.GetProperty("clientAddress").GetString().ShouldBe("203.0.113.9");
        actor.GetProperty("userAgent").GetString().ShouldBe("admin-browser");
        actor.GetProperty("role").GetString().ShouldBe("ADMIN");
        (await _payments.PaymentAsync(payment.Id)).Status.ShouldBe("refunded");
        (await _payments.OutboxAsync("payment.refunded")).Single().AggregateVersion.ShouldBe(payment.Version + 1);
    }

    [Fact]
    public async Task a_request_the_gateway_refuses_or_never_answers_is_still_announced()
    {
        var refused = await _payments.SeedPaymentAsync(status: "completed", bankTranId: "BANK1");
        var lost = await _payments.SeedPaymentAsync(status: "completed", bankTranId: "BANK2");

        _payments.Gateway.RefundAnswer = ("failed", "Refund amount exceeds");
        await Should.ThrowAsync<ApiException>(() =>
            _payments.Refunds().StartAsync(refused.Id, RefundKind.Refund, "why", null, Admin, CancellationToken.None));
        _payments.Gateway.Down = true;
        await Should.ThrowAsync<ApiException>(() =>
            _payments.Refunds().StartAsync(lost.Id, RefundKind.Refund, "why", null, Admin, CancellationToken.None));

        (await _payments.EventsAsync(refused.Id, PaymentEvents.RefundRequested)).ShouldBe(1);
        (await _payments.EventsAsync(lost.Id, PaymentEvents.RefundRequested)).ShouldBe(1);
    }

    [Fact]
    public async Task a_request_refused_before_the_gateway_is_asked_announces_nothing()
    {
        var pending = await _payments.SeedPaymentAsync(bankTranId: "BANK1");
        var completed = await _payments.SeedPaymentAsync(status: "completed", bankTranId: "BANK2");
        await _payments.Refunds().StartAsync(completed.Id, RefundKind.Refund, "first", null, Admin, CancellationToken.None);

        await Should.ThrowAsync<ApiException>(() =>
            _payments.Refunds().StartAsync(pending.Id, RefundKind.Refund, "not paid", null, Admin, CancellationToken.None));
        await Should.ThrowAsync<ApiException>(() =>
            _payments.Refunds().StartAsync(completed.Id, RefundKind.Refund, "second", null, Admin, CancellationToken.None));
        await Should.ThrowAsync<ApiException>(() =>
            _payments.Refunds().StartAsync(completed.Id, RefundKind.Reject, "not held", null, Admin, CancellationToken.None));

        (await _payments.EventsAsync(pending.Id, PaymentEvents.RefundRequested)).ShouldBe(0);
        (await _payments.EventsAsync(completed.Id, PaymentEvents.RefundRequested)).ShouldBe(1);
    }

    [Fact]
    public async Task a_forged_notification_is_announced_once_however_often_it_comes()
    {
        var payment = await _payments.SeedPaymentAsync();
        var forged = new Dictionary<string, string>(GatewayNotifications.Valid(payment, "VAL1")) { ["amount"] = "5.00" };
        var processor = _payments.Processor();

        (await processor.ProcessAsync(GatewayNotifications.Ipn(forged), CancellationToken.None)).Result.ShouldBe(NotificationResult.SignatureInvalid);
        (await processor.ProcessAsync(GatewayNotifications.Ipn(forged), CancellationToken.None)).Result.ShouldBe(NotificationResult.SignatureInvalid);
        (await processor.ProcessAsync(GatewayNotifications.Browser(forged), CancellationToken.None)).Result.ShouldBe(NotificationResult.SignatureInvalid);

        var rejected = (await _payments.OutboxAsync(PaymentEvents.NotificationRejected)).Single();
        rejected.AggregateId.ShouldBe(payment.Id);
        rejected.AggregateVersion.ShouldBe(payment.Version);
        var logId = await LogIdAsync();
        rejected.Data.GetProperty("webhookLogId").GetGuid().ShouldBe(logId);
        rejected.Data.GetProperty("paymentId").GetGuid().ShouldBe(payment.Id);
        rejected.Text("tranId").ShouldBe(payment.TranId);
        rejected.Text("source").ShouldBe("ipn");
        rejected.Text("remoteAddress").ShouldBe("103.26.139.81");
        rejected.Text("reason")!.ShouldStartWith("signature check failed");
        rejected.Data.GetProperty("occurredAt").GetDateTimeOffset().ShouldBe(_payments.Clock.Now);
        (await _payments.CountAsync("SELECT count(*) FROM payments.webhook_logs WHERE id = @Id AND error_message = @Reason",
            new { Id = logId, Reason = rejected.Text("reason") })).ShouldBe(1);
    }

    [Fact]
    public async Task a_forged_notification_for_no_payment_of_ours_is_announced_on_its_log_row()
    {
        var stranger = await _payments.SeedPaymentAsync();
        var fields = GatewayNotifications.Valid(stranger, "VAL1");
        fields["tran_id"] = "CFA-NOT-OURS";

        await _payments.Processor().ProcessAsync(GatewayNotifications.Ipn(fields), CancellationToken.None);

        var rejected = (await _payments.OutboxAsync(PaymentEvents.NotificationRejected)).Single();
        var logId = await LogIdAsync();
        rejected.AggregateId.ShouldBe(logId);
        rejected.AggregateVersion.ShouldBe(1);
        rejected.Data.GetProperty("paymentId").ValueKind.ShouldBe(JsonValueKind.Null);
        rejected.Text("tranId").ShouldBe("CFA-NOT-OURS");
    }

    [Theory]
    [InlineData("amount")]
    [InlineData("currency")]
    [InlineData("tran_id")]
    public async Task a_signed_notification_the_validation_api_does_not_confirm_is_announced_once(string mismatch)
    {
        var payment = await _payments.SeedPaymentAsync(500m);
        switch (mismatch)
        {
            case "amount":
                _payments.Gateway.Paid("VAL1", payment.TranId, 50m);
                break;
            case "currency":
                _payments.Gateway.Paid("VAL1", payment.TranId, 500m, currency: "USD");
                break;
            default:
                _payments.Gateway.Paid("VAL1", "CFA-SOMEONE-ELSE", 500m);
                break;
        }

        var fields = GatewayNotifications.Valid(payment, "VAL1");
        var processor = _payments.Processor();

        (await processor.ProcessAsync(GatewayNotifications.Ipn(fields), CancellationToken.None)).Result.ShouldBe(NotificationResult.Processed);
        (await processor.ProcessAsync(GatewayNotifications.Browser(fields), CancellationToken.None)).Result.ShouldBe(NotificationResult.Duplicate);

        var stored = await _payments.PaymentAsync(payment.Id);
        stored.Status.ShouldBe("authorized");
        var rejected = (await _payments.OutboxAsync(PaymentEvents.NotificationRejected)).Single();
        rejected.AggregateId.ShouldBe(payment.Id);
        rejected.AggregateVersion.ShouldBe(stored.Version);
        rejected.Data.GetProperty("webhookLogId").GetGuid().ShouldBe(await LogIdAsync());
        rejected.Text("source").ShouldBe("ipn");
        rejected.Text("reason")!.ShouldStartWith("validation mismatch: ");
        rejected.Text("reason")!.ShouldContain(mismatch == "tran_id" ? "tran_id" : mismatch);
    }

    [Fact]
    public async Task a_genuine_notification_and_a_failure_announce_no_rejection()
    {
        var paid = await _payments.SeedPaymentAsync();
        var failed = await _payments.SeedPaymentAsync();
        _payments.Gateway.Paid("VAL1", paid.TranId, paid.Amount);

        await _payments.Processor().ProcessAsync(GatewayNotifications.Ipn(GatewayNotifications.Valid(paid, "VAL1")), CancellationToken.None);
        await _payments.Processor().ProcessAsync(GatewayNotifications.Ipn(GatewayNotifications.Failed(failed)), CancellationToken.None);

        (await _payments.PaymentAsync(paid.Id)).Status.ShouldBe("completed");
        (await _payments.PaymentAsync(failed.Id)).Status.ShouldBe("failed");
        (await _payments.OutboxAsync(PaymentEvents.NotificationRejected)).ShouldBeEmpty();
    }

    private async Task<Guid> LogIdAsync()
    {
        await using var connection = await _payments.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM payments.webhook_logs";
        return (Guid)(await command.ExecuteScalarAsync())!;
    }
}
