using CareForAll.Payments.Notifications;

namespace CareForAll.Payments.Tests;

[Collection(PostgresGroup.Name)]
public sealed class NotificationProcessorTests(PostgresServer server) : IAsyncLifetime
{
    private TestPayments _payments = null!;

    public async Task InitializeAsync() => _payments = await TestPayments.CreateAsync(server);

    public async Task DisposeAsync() => await _payments.DisposeAsync();

    [Fact]
    public async Task the_same_notification_five_times_at_once_completes_the_payment_once()
    {
        var payment = await _payments.SeedPaymentAsync(500m);
        _payments.Gateway.Paid("VAL1", payment.TranId, 500m);
        var fields = GatewayNotifications.Valid(payment, "VAL1");
        var processor = _payments.Processor();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() =>
            processor.ProcessAsync(GatewayNotifications.Ipn(new Dictionary<string, string>(fields)), CancellationToken.None))));

        outcomes.Count(o => o.Result == NotificationResult.Processed).ShouldBe(1);
        outcomes.Count(o => o.Result == NotificationResult.Duplicate).ShouldBe(4);
        outcomes.ShouldAllBe(o => o.PaymentStatus == "completed");
        var stored = await _payments.PaymentAsync(payment.Id);
        stored.Status.ShouldBe("completed");
        stored.ValId.ShouldBe("VAL1");
        stored.PaymentMethod.ShouldBe("bkash");
        stored.RiskLevel.ShouldBe(0);
        stored.Version.ShouldBe(4); // authorized, captured, completed
        (await _payments.EventsAsync(payment.Id, "payment.completed")).ShouldBe(1);
        (await _payments.EventsAsync(payment.Id, "payment.captured")).ShouldBe(1);
        (await _payments.EventsAsync(payment.Id, "payment.authorized")).ShouldBe(1);
        (await _payments.CountAsync("SELECT count(*) FROM payments.webhook_logs")).ShouldBe(1);
        (await _payments.CountAsync("SELECT duplicate_count FROM payments.webhook_logs")).ShouldBe(4);
        _payments.Meters.Total("careforall.payments.notifications.duplicates_skipped").ShouldBe(4);
        _payments.Meters.Total("careforall.payments.notifications.received").ShouldBe(5);
        _payments.Meters.Total("careforall.payments.money_raised").ShouldBe(500);
    }

    [Fact]
    public async Task a_processed_notification_sent_again_without_its_sha2_signature_is_still_a_duplicate()
    {
        var payment = await _payments.SeedPaymentAsync();
        _payments.Gateway.Paid("VAL1", payment.TranId, 500m);
        var fields = GatewayNotifications.Valid(payment, "VAL1");
        await _payments.Processor().ProcessAsync(GatewayNotifications.Ipn(new Dictionary<string, string>(fields)), CancellationToken.None);

        fields.Remove("verify_sign_sha2");
        var again = await _payments.Processor().ProcessAsync(GatewayNotifications.Ipn(fields), CancellationToken.None);

        again.Result.ShouldBe(NotificationResult.Duplicate);
        _payments.Gateway.ValidationCalls.ShouldBe(1);
    }

    [Fact]
    public async Task events_carry_the_version_after_each_move()
    {
        var payment = await _payments.SeedPaymentAsync(750m);
        _payments.Gateway.Paid("VAL1", payment.TranId, 750m);

        await _payments.Processor().ProcessAsync(GatewayNotifications.Ipn(GatewayNotifications.Valid(payment, "VAL1")), CancellationToken.None);

        (await _payments.CountAsync(
            """
            SELECT count(*) FROM outbox_messages
            WHERE aggregate_id = @Id AND ((event_type = 'payment.authorized' AND aggregate_version = 2)
                OR (event_type = 'payment.captured' AND aggregate_version = 3)
                OR (event_type = 'payment.completed' AND aggregate_version = 4 AND data->>'previousStatus' = 'captured'
                    AND (data->>'amount')::numeric = 750 AND data->>'paymentMethod' = 'bkash' AND data->>'tranId' = @TranId))
            """,
            new { payment.Id, payment.TranId })).ShouldBe(3);
    }

    [Fact]
    public async Task the_browser_copy_of_a_processed_ipn_is_a_duplicate()
    {
        var payment = await _payments.SeedPaymentAsync();
        _payments.Gateway.Paid("VAL1", payment.TranId, payment.Amount);
        var fields = GatewayNotifications.Valid(payment, "VAL1");
        var processor = _payments.Processor();

        (await processor.ProcessAsync(GatewayNotifications.Ipn(fields), CancellationToken.None)).Result.ShouldBe(NotificationResult.Processed);
        var browser = await processor.ProcessAsync(GatewayNotifications.Browser(fields), CancellationToken.None);

        browser.Result.ShouldBe(NotificationResult.Duplicate);
        browser.PaymentId.ShouldBe(payment.Id);
        browser.PaymentStatus.ShouldBe("completed");
        _payments.Gateway.ValidationCalls.ShouldBe(1);
    }

    [Fact]
    public async Task a_failure_after_completion_is_refused_and_recorded()
    {
        var payment = await _payments.SeedPaymentAsync();
        _payments.Gateway.Paid("VAL1", payment.TranId, payment.Amount);
        var processor = _payments.Processor();
        await processor.ProcessAsync(GatewayNotifications.Ipn(GatewayNotifications.Valid(payment, "VAL1")), CancellationToken.None);

        var late = await processor.ProcessAsync(GatewayNotifications.Ipn(GatewayNotifications.Failed(payment)), CancellationToken.None);

        late.Result.ShouldBe(NotificationResult.Processed);
        late.PaymentStatus.ShouldBe("completed");
        (await _payments.PaymentAsync(payment.Id)).Status.ShouldBe("completed");
        (await _payments.EventsAsync(payment.Id, "payment.failed")).ShouldBe(0);
        var refused = (await _payments.HistoryAsync(payment.Id)).Where(h => !h.Accepted).ToList();
        refused.Count.ShouldBe(1);
        refused[0].From.ShouldBe("completed");
        refused[0].To.ShouldBe("failed");
        refused[0].Source.ShouldBe("ipn");
        refused[0].Reason.ShouldNotBeNull().ShouldContain("completed -> failed");
        (await _payments.CountAsync("SELECT count(*) FROM payments.webhook_logs WHERE processed AND error_message LIKE '%refused%'")).ShouldBe(1);
        _payments.Meters.Total("careforall.payments.transitions.refused").ShouldBe(1);
    }

    [Fact]
    public async Task a_validated_success_after_a_failure_wins()
    {
        var payment = await _payments.SeedPaymentAsync(1200m);
        _payments.Gateway.Paid("VAL2", payment.TranId, 1200m);
        var processor = _payments.Processor();

        await processor.ProcessAsync(GatewayNotifications.Ipn(GatewayNotifications.Failed(payment)), CancellationToken.None);
        (await _payments.PaymentAsync(payment.Id)).Status.ShouldBe("failed");
        var success = await processor.ProcessAsync(GatewayNotifications.Ipn(GatewayNotifications.Valid(payment, "VAL2")), CancellationToken.None);

        success.PaymentStatus.ShouldBe("completed");
        var stored = await _payments.PaymentAsync(payment.Id);
        stored.Status.ShouldBe("completed");
        stored.ErrorMessage.ShouldBeNull();
        (await _payments.EventsAsync(payment.Id, "payment.failed")).ShouldBe(1);
        (await _payments.EventsAsync(payment.Id, "payment.completed")).ShouldBe(1);
        var moves = (await _payments.HistoryAsync(payment.Id)).Where(h => h.Accepted).Select(h => $"{h.From}->{h.To}").ToList();
        moves.ShouldBe(["pending->failed", "failed->captured", "captured->completed"]);
    }

    [Fact]
    public async Task a_forged_signature_moves_nothing()
    {
        var payment = await _payments.SeedPaymentAsync();
        _payments.Gateway.Paid("VAL1", payment.TranId, payment.Amount);
        var fields = GatewayNotifications.Valid(payment, "VAL1");
        fields["verify_sign"] = "0123456789abcdef0123456789abcdef";

        var outcome = await _payments.Processor().ProcessAsync(GatewayNotifications.Ipn(fields), CancellationToken.None);

        outcome.Result.ShouldBe(NotificationResult.SignatureInvalid);
        (await _payments.PaymentAsync(payment.Id)).Status.ShouldBe("pending");
        _payments.Gateway.ValidationCalls.ShouldBe(0);
        // Only the rejection is announced; no move event.
        (await _payments.CountAsync("SELECT count(*) FROM outbox_messages WHERE event_type <> 'payment.notification_rejected'")).ShouldBe(0);
        (await _payments.EventsAsync(payment.Id, "payment.notification_rejected")).ShouldBe(1);
        var history = await _payments.HistoryAsync(payment.Id);
        history.ShouldContain(h => !h.Accepted && h.To == "authorized" && h.Reason!.StartsWith("signature check failed", StringComparison.Ordinal));
        (await _payments.CountAsync("SELECT count(*) FROM payments.webhook_logs WHERE signature_valid = false AND error_message IS NOT NULL")).ShouldBe(1);
        _payments.Meters.Total("careforall.payments.notifications.signature_failures").ShouldBe(1);
    }

    [Fact]
    public async Task a_tampered_copy_sent_first_does_not_block_the_genuine_notification()
    {
        var payment = await _payments.SeedPaymentAsync(500m);
        _payments.Gateway.Paid("VAL1", payment.TranId, 500m);
        var genuine = GatewayNotifications.Valid(payment, "VAL1");
        var tampered = new Dictionary<string, string>(genuine) { ["amount"] = "5.00" };
        var processor = _payments.Processor();

        var forged = await processor.ProcessAsync(GatewayNotifications.Ipn(tampered), CancellationToken.None);
        var forgedAgain = await processor.ProcessAsync(GatewayNotifications.Ipn(tampered), CancellationToken.None);
        var real = await processor.ProcessAsync(GatewayNotifications.Ipn(genuine), CancellationToken.None);

        forged.Result.ShouldBe(NotificationResult.SignatureInvalid);
        forgedAgain.Result.ShouldBe(NotificationResult.SignatureInvalid);
        real.Result.ShouldBe(NotificationResult.Processed);
        real.PaymentStatus.ShouldBe("completed");
        (await _payments.CountAsync("SELECT count(*) FROM payments.webhook_logs")).ShouldBe(2);
        _payments.Meters.Total("careforall.payments.notifications.signature_failures").ShouldBe(1);
    }

    [Fact]
    public async Task a_signed_amount_other_than_ours_is_never_captured()
    {
        var payment = await _payments.SeedPaymentAsync(500m);
        // The gateway really took 50.00 for our tran_id (a tampered session, say): signed and validated, but not ours.
        _payments.Gateway.Paid("VAL1", payment.TranId, 50m);

        var outcome = await _payments.Processor().ProcessAsync(
            GatewayNotifications.Ipn(GatewayNotifications.Valid(payment, "VAL1", amount: 50m)), CancellationToken.None);

        outcome.Result.ShouldBe(NotificationResult.Processed);
        var stored = await _payments.PaymentAsync(payment.Id);
        stored.Status.ShouldBe("authorized");
        stored.ValId.ShouldBeNull();
        (await _payments.EventsAsync(payment.Id, "payment.captured")).ShouldBe(0);
        (await _payments.EventsAsync(payment.Id, "payment.completed")).ShouldBe(0);
        (await _payments.HistoryAsync(payment.Id)).ShouldContain(h =>
            !h.Accepted && h.To == "captured" && h.Reason!.Contains("validation mismatch", StringComparison.Ordinal));
        _payments.Meters.Total("careforall.payments.money_raised").ShouldBe(0);
    }

    [Fact]
    public async Task a_second_paid_attempt_counts_nothing_and_is_recorded_for_a_refund()
    {
        var payment = await _payments.SeedPaymentAsync();
        _payments.Gateway.Paid("VAL1", payment.TranId, payment.Amount);
        _payments.Gateway.Paid("VAL2", payment.TranId, payment.Amount);
        var processor = _payments.Processor();

        await processor.ProcessAsync(GatewayNotifications.Ipn(GatewayNotifications.Valid(payment, "VAL1")), CancellationToken.None);
        await processor.ProcessAsync(GatewayNotifications.Ipn(GatewayNotifications.Valid(payment, "VAL2")), CancellationToken.None);

        var stored = await _payments.PaymentAsync(payment.Id);
        stored.Status.ShouldBe("completed");
        stored.ValId.ShouldBe("VAL1");
        (await _payments.EventsAsync(payment.Id, "payment.completed")).ShouldBe(1);
        (await _payments.HistoryAsync(payment.Id)).ShouldContain(h => !h.Accepted && h.Reason!.Contains("second paid attempt (val_id VAL2)", StringComparison.Ordinal));
        _payments.Meters.Total("careforall.payments.money_raised").ShouldBe((double)payment.Amount);
    }

    [Fact]
    public async Task a_risky_payment_is_held_captured()
    {
        var payment = await _payments.SeedPaymentAsync();
        _payments.Gateway.Paid("VAL1", payment.TranId, payment.Amount, riskLevel: 1, cardType: "VISA-Dutch Bangla");

        await _payments.Processor().ProcessAsync(GatewayNotifications.Ipn(GatewayNotifications.Valid(payment, "VAL1", riskLevel: 1)), CancellationToken.None);

        var stored = await _payments.PaymentAsync(payment.Id);
        stored.Status.ShouldBe("captured");
        stored.RiskLevel.ShouldBe(1);
        stored.PaymentMethod.ShouldBe("card");
        (await _payments.EventsAsync(payment.Id, "payment.completed")).ShouldBe(0);
    }

    [Fact]
    public async Task a_cancelled_payment_fails_with_the_gateways_reason()
    {
        var payment = await _payments.SeedPaymentAsync();

        var outcome = await _payments.Processor().ProcessAsync(
            GatewayNotifications.Browser(GatewayNotifications.Failed(payment, "CANCELLED", "Cancelled by User")), CancellationToken.None);

        outcome.PaymentStatus.ShouldBe("failed");
        (await _payments.PaymentAsync(payment.Id)).ErrorMessage.ShouldBe("CANCELLED: Cancelled by User");
        (await _payments.CountAsync("SELECT count(*) FROM outbox_messages WHERE event_type = 'payment.failed' AND data->>'reason' = 'CANCELLED: Cancelled by User'"))
            .ShouldBe(1);
    }

    [Fact]
    public async Task a_notification_waits_for_the_validation_api_and_is_applied_on_the_retry()
    {
        var payment = await _payments.SeedPaymentAsync();
        _payments.Gateway.Paid("VAL1", payment.TranId, payment.Amount);
        var fields = GatewayNotifications.Valid(payment, "VAL1");
        _payments.Gateway.Down = true;

        var first = await _payments.Processor().ProcessAsync(GatewayNotifications.Ipn(fields), CancellationToken.None);

        first.Result.ShouldBe(NotificationResult.Deferred);
        (await _payments.PaymentAsync(payment.Id)).Status.ShouldBe("pending");
        (await _payments.CountAsync("SELECT count(*) FROM payments.webhook_logs WHERE NOT processed AND error_message LIKE 'validation API unavailable%'")).ShouldBe(1);

        _payments.Gateway.Down = false;
        var retry = await _payments.Processor().ProcessAsync(GatewayNotifications.Ipn(fields), CancellationToken.None);

        retry.Result.ShouldBe(NotificationResult.Processed);
        retry.PaymentStatus.ShouldBe("completed");
    }

    [Fact]
    public async Task a_notification_for_no_payment_of_ours_is_stored_and_ignored()
    {
        var stranger = await _payments.SeedPaymentAsync();
        var fields = GatewayNotifications.Failed(stranger);
        fields["tran_id"] = "CFA-NOT-OURS";
        GatewayNotifications.Sign(fields);

        var outcome = await _payments.Processor().ProcessAsync(GatewayNotifications.Ipn(fields), CancellationToken.None);

        outcome.Result.ShouldBe(NotificationResult.UnknownPayment);
        (await _payments.PaymentAsync(stranger.Id)).Status.ShouldBe("pending");
        (await _payments.CountAsync("SELECT count(*) FROM payments.webhook_logs WHERE processed AND payload->>'tran_id' = 'CFA-NOT-OURS'")).ShouldBe(1);
    }
}
