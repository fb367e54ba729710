namespace CareForAll.Payments.Tests;

[Collection(PostgresGroup.Name)]
public sealed class ReconciliationTests(PostgresServer server) : IAsyncLifetime
{
    private TestPayments _payments = null!;

    public async Task InitializeAsync() => _payments = await TestPayments.CreateAsync(server);

    public async Task DisposeAsync() => await _payments.DisposeAsync();

    [Fact]
    public async Task a_pending_payment_whose_ipn_was_dropped_is_completed()
    {
        var payment = await _payments.SeedPaymentAsync(900m, age: TimeSpan.FromMinutes(5));
        _payments.Gateway.Attempts(payment.TranId, new { status = "VALID", tran_id = payment.TranId, val_id = "VAL9", amount = "900.00" });
        _payments.Gateway.Paid("VAL9", payment.TranId, 900m);

        var fixes = await _payments.Reconciliation().RunOnceAsync(CancellationToken.None);

        fixes.ShouldBe(1);
        (await _payments.PaymentAsync(payment.Id)).Status.ShouldBe("completed");
        (await _payments.EventsAsync(payment.Id, "payment.completed")).ShouldBe(1);
        (await _payments.HistoryAsync(payment.Id)).Where(h => h.Accepted && h.From != null).ShouldAllBe(h => h.Source == "reconciliation");
        _payments.Meters.Total("careforall.payments.reconciliation.fixes").ShouldBe(1);
    }

    [Fact]
    public async Task a_session_with_nothing_paid_expires()
    {
        var expired = await _payments.SeedPaymentAsync(age: TimeSpan.FromMinutes(31));
        var young = await _payments.SeedPaymentAsync(age: TimeSpan.FromMinutes(5));

        await _payments.Reconciliation().RunOnceAsync(CancellationToken.None);

        var stored = await _payments.PaymentAsync(expired.Id);
        stored.Status.ShouldBe("failed");
        stored.ErrorMessage.ShouldNotBeNull().ShouldStartWith("EXPIRED");
        (await _payments.EventsAsync(expired.Id, "payment.failed")).ShouldBe(1);
        (await _payments.PaymentAsync(young.Id)).Status.ShouldBe("pending");
    }

    [Fact]
    public async Task a_session_opened_late_on_an_old_payment_lives_from_when_it_opened()
    {
        // The first initiation's gateway call failed; the donor retried 25 minutes later and is paying now.
        var payment = await _payments.SeedPaymentAsync(age: TimeSpan.FromMinutes(40));
        await using (var connection = await _payments.Database.OpenConnectionAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE payments.payments SET session_key = 'KEY', session_opened_at = @OpenedAt WHERE id = @Id";
            command.Parameters.AddWithValue("OpenedAt", (_payments.Clock.Now - TimeSpan.FromMinutes(15)).UtcDateTime);
            command.Parameters.AddWithValue("Id", payment.Id);
            await command.ExecuteNonQueryAsync();
        }

        await _payments.Reconciliation().RunOnceAsync(CancellationToken.None);

        (await _payments.PaymentAsync(payment.Id)).Status.ShouldBe("pending");
    }

    [Fact]
    public async Task a_failed_attempt_fails_the_payment()
    {
        var payment = await _payments.SeedPaymentAsync(age: TimeSpan.FromMinutes(5));
        _payments.Gateway.Attempts(payment.TranId, new { status = "FAILED", tran_id = payment.TranId, error = "Insufficient balance" });

        await _payments.Reconciliation().RunOnceAsync(CancellationToken.None);

        (await _payments.PaymentAsync(payment.Id)).ErrorMessage.ShouldBe("FAILED: Insufficient balance");
    }

    [Fact]
    public async Task payments_younger_than_the_minimum_age_are_left_to_their_notifications()
    {
        var payment = await _payments.SeedPaymentAsync(age: TimeSpan.FromSeconds(30));

        (await _payments.Reconciliation().RunOnceAsync(CancellationToken.None)).ShouldBe(0);

        _payments.Gateway.QueryCalls.ShouldBe(0);
        (await _payments.PaymentAsync(payment.Id)).Status.ShouldBe("pending");
    }

    [Fact]
    public async Task an_unanswered_query_never_expires_a_payment()
    {
        var payment = await _payments.SeedPaymentAsync(age: TimeSpan.FromHours(2));
        _payments.Gateway.QueryRefused(payment.TranId);

        await _payments.Reconciliation().RunOnceAsync(CancellationToken.None);

        (await _payments.PaymentAsync(payment.Id)).Status.ShouldBe("pending");
    }

    [Fact]
    public async Task two_runs_at_once_settle_a_payment_once()
    {
        var payment = await _payments.SeedPaymentAsync(300m, age: TimeSpan.FromMinutes(5));
        _payments.Gateway.Attempts(payment.TranId, new { status = "VALID", tran_id = payment.TranId, val_id = "VAL3", amount = "300.00" });
        _payments.Gateway.Paid("VAL3", payment.TranId, 300m);

        var fixes = await Task.WhenAll(
            Task.Run(() => _payments.Reconciliation().RunOnceAsync(CancellationToken.None)),
            Task.Run(() => _payments.Reconciliation().RunOnceAsync(CancellationToken.None)));

        fixes.Sum().ShouldBe(1);
        _payments.Gateway.QueryCalls.ShouldBe(1);
        (await _payments.EventsAsync(payment.Id, "payment.completed")).ShouldBe(1);
        (await _payments.HistoryAsync(payment.Id)).Count(h => !h.Accepted).ShouldBe(0);
    }

    [Fact]
    public async Task a_late_success_of_a_failed_payment_is_recovered()
    {
        var payment = await _payments.SeedPaymentAsync(400m, status: "failed", age: TimeSpan.FromMinutes(10));
        _payments.Gateway.Attempts(payment.TranId,
            new { status = "FAILED", tran_id = payment.TranId, error = "Wrong OTP" },
            new { status = "VALIDATED", tran_id = payment.TranId, val_id = "VAL4", amount = "400.00" });
        _payments.Gateway.Paid("VAL4", payment.TranId, 400m);

        await _payments.Reconciliation().RunOnceAsync(CancellationToken.None);

        (await _payments.PaymentAsync(payment.Id)).Status.ShouldBe("completed");
    }
}
