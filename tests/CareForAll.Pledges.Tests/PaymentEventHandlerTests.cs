using System.Text.Json;
using CareForAll.BuildingBlocks.Messaging;
using CareForAll.Pledges.Domain;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ApplyPaymentEvent = CareForAll.Pledges.Features.Payments.ApplyPaymentEvent;

namespace CareForAll.Pledges.Tests;

[Collection(PostgresGroup.Name)]
public sealed class PaymentEventHandlerTests(PostgresServer server) : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private readonly TestMeterFactory _meters = new();
    private readonly Guid _paymentId = Guid.CreateVersion7();

    public void Dispose() => _meters.Dispose();

    private ApplyPaymentEvent.Handler NewHandler() =>
        new(new FixedClock(Now), new PledgeMetrics(_meters), NullLogger<ApplyPaymentEvent.Handler>.Instance);

    /// <summary>Delivers one payment event (a fresh event id each time) the way the consumer host does: in a transaction it commits.</summary>
    private async Task DeliverAsync(NpgsqlDataSource database, Guid pledgeId, string eventType, long paymentVersion, Guid? paymentId = null)
    {
        var data = new ApplyPaymentEvent.PaymentEventData
        {
            PaymentId = paymentId ?? _paymentId,
            PledgeId = pledgeId,
            TranId = "CFA-TRAN-1",
            Status = eventType["payment.".Length..],
        };
        var envelope = new IntegrationEvent(Guid.CreateVersion7(), eventType, Now, data.PaymentId, paymentVersion,
            JsonSerializer.SerializeToElement(data, MessagingJson.Options));

        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await NewHandler().HandleAsync(new EventContext<ApplyPaymentEvent.PaymentEventData>(envelope, data, connection, transaction), default);
        await transaction.CommitAsync();
    }

    private static async Task<IReadOnlyList<OutboxEvent>> PaymentDrivenEventsAsync(NpgsqlDataSource database, Guid pledgeId) =>
        [.. (await PledgeStore.EventsAsync(database, pledgeId)).Where(e => e.EventType != PledgeEvent.Created)];

    [Fact]
    public async Task payments_in_order_walk_the_pledge_to_completed()
    {
        await using var database = await PledgesDatabase.CreateAsync(server);
        var pledge = await PledgeStore.CreateAsync(database);

        await DeliverAsync(database, pledge.Id, "payment.initiated", 1);
        await DeliverAsync(database, pledge.Id, "payment.authorized", 2);
        await DeliverAsync(database, pledge.Id, "payment.captured", 3);
        await DeliverAsync(database, pledge.Id, "payment.completed", 4);

        var stored = await PledgeStore.ReadAsync(database, pledge.Id);
        stored.Status.ShouldBe(PledgeStatus.Completed);
        stored.Version.ShouldBe(3);
        stored.PaymentVersion.ShouldBe(4);
        stored.TranId.ShouldBe("CFA-TRAN-1");
        stored.CompletedAt.ShouldBe(Now.UtcDateTime);

        var events = await PaymentDrivenEventsAsync(database, pledge.Id);
        events.Select(e => (e.EventType, e.AggregateVersion, e.Text("previousStatus"))).ShouldBe(
        [
            ("pledge.payment_initiated", 2L, "pending"),
            ("pledge.completed", 3L, "payment_initiated"),
        ]);
        events[1].Text("paymentId").ShouldBe(_paymentId.ToString());
        events[1].Text("tranId").ShouldBe("CFA-TRAN-1");
        events[1].Data.GetProperty("amount").GetDecimal().ShouldBe(1500m);
    }

    [Fact]
    public async Task completed_then_a_late_initiated_leaves_the_pledge_completed()
    {
        await using var database = await PledgesDatabase.CreateAsync(server);
        var pledge = await PledgeStore.CreateAsync(database);

        await DeliverAsync(database, pledge.Id, "payment.completed", 4);
        await DeliverAsync(database, pledge.Id, "payment.initiated", 1);

        (await PledgeStore.ReadAsync(database, pledge.Id)).Status.ShouldBe(PledgeStatus.Completed);
        var events = await PaymentDrivenEventsAsync(database, pledge.Id);
        events.Select(e => (e.EventType, e.Text("previousStatus"))).ShouldBe([("pledge.completed", "pending")]);

        var history = await PledgeStore.HistoryAsync(database, pledge.Id);
        history.Count.ShouldBe(2);
        history[0].ShouldBe(new HistoryLine("pending", "completed", true, null, "payment.completed", 4));
        history[1].Accepted.ShouldBeFalse();
        history[1].ToStatus.ShouldBe("payment_initiated");
        history[1].Reason!.ShouldStartWith("stale");
    }

    [Fact]
    public async Task a_late_success_after_a_failure_completes_the_pledge()
    {
        await using var database = await PledgesDatabase.CreateAsync(server);
        var pledge = await PledgeStore.CreateAsync(database);

        await DeliverAsync(database, pledge.Id, "payment.initiated", 1);
        await DeliverAsync(database, pledge.Id, "payment.failed", 2);
        // The gateway's validation finds the money was taken after all: failed -> captured -> completed.
        await DeliverAsync(database, pledge.Id, "payment.captured", 3);
        await DeliverAsync(database, pledge.Id, "payment.completed", 4);

        (await PledgeStore.ReadAsync(database, pledge.Id)).Status.ShouldBe(PledgeStatus.Completed);
        var events = await PaymentDrivenEventsAsync(database, pledge.Id);
        events.Select(e => (e.EventType, e.AggregateVersion, e.Text("previousStatus"))).ShouldBe(
        [
            ("pledge.payment_initiated", 2L, "pending"),
            ("pledge.failed", 3L, "payment_initiated"),
            ("pledge.completed", 4L, "failed"),
        ]);

        // payment.captured implied payment_initiated, which a failed pledge cannot go back to.
        var refused = (await PledgeStore.HistoryAsync(database, pledge.Id)).Single(h => !h.Accepted);
        refused.ShouldBe(new HistoryLine("failed", "payment_initiated", false, "failed cannot become payment_initiated", "payment.captured", 3));
    }

    [Fact]
    public async Task failed_then_a_newer_completed_completes_even_when_nothing_came_before()
    {
        await using var database = await PledgesDatabase.CreateAsync(server);
        var pledge = await PledgeStore.CreateAsync(database);

        await DeliverAsync(database, pledge.Id, "payment.failed", 2);
        await DeliverAsync(database, pledge.Id, "payment.completed", 4);
        await DeliverAsync(database, pledge.Id, "payment.initiated", 1);

        (await PledgeStore.ReadAsync(database, pledge.Id)).Status.ShouldBe(PledgeStatus.Completed);
        (await PaymentDrivenEventsAsync(database, pledge.Id)).Select(e => (e.EventType, e.Text("previousStatus")))
            .ShouldBe([("pledge.failed", "pending"), ("pledge.completed", "failed")]);
    }

    [Fact]
    public async Task refunded_then_an_older_completed_stays_refunded_and_the_refusal_is_recorded()
    {
        await using var database = await PledgesDatabase.CreateAsync(server);
        var pledge = await PledgeStore.CreateAsync(database);

        await DeliverAsync(database, pledge.Id, "payment.initiated", 1);
        await DeliverAsync(database, pledge.Id, "payment.completed", 4);
        await DeliverAsync(database, pledge.Id, "payment.refunded", 5);
        await DeliverAsync(database, pledge.Id, "payment.completed", 4);

        (await PledgeStore.ReadAsync(database, pledge.Id)).Status.ShouldBe(PledgeStatus.Refunded);
        var events = await PaymentDrivenEventsAsync(database, pledge.Id);
        events.Select(e => (e.EventType, e.Text("previousStatus"))).ShouldBe(
        [
            ("pledge.payment_initiated", "pending"),
            ("pledge.completed", "payment_initiated"),
            ("pledge.refunded", "completed"),
        ]);

        var last = (await PledgeStore.HistoryAsync(database, pledge.Id))[^1];
        last.FromStatus.ShouldBe("refunded");
        last.ToStatus.ShouldBe("completed");
        last.Accepted.ShouldBeFalse();
        last.Reason.ShouldBe("stale: payment version 4 is not newer than 5");
    }

    [Fact]
    public async Task refunded_never_moves_again_even_on_a_newer_event()
    {
        await using var database = await PledgesDatabase.CreateAsync(server);
        var pledge = await PledgeStore.CreateAsync(database);

        await DeliverAsync(database, pledge.Id, "payment.completed", 4);
        await DeliverAsync(database, pledge.Id, "payment.refunded", 5);
        await DeliverAsync(database, pledge.Id, "payment.completed", 6);

        var stored = await PledgeStore.ReadAsync(database, pledge.Id);
        stored.Status.ShouldBe(PledgeStatus.Refunded);
        stored.PaymentVersion.ShouldBe(5);
        (await PledgeStore.HistoryAsync(database, pledge.Id))[^1]
            .ShouldBe(new HistoryLine("refunded", "completed", false, "refunded cannot become completed", "payment.completed", 6));
    }

    [Fact]
    public async Task completed_never_becomes_failed()
    {
        await using var database = await PledgesDatabase.CreateAsync(server);
        var pledge = await PledgeStore.CreateAsync(database);

        await DeliverAsync(database, pledge.Id, "payment.completed", 4);
        await DeliverAsync(database, pledge.Id, "payment.failed", 5);

        (await PledgeStore.ReadAsync(database, pledge.Id)).Status.ShouldBe(PledgeStatus.Completed);
        (await PaymentDrivenEventsAsync(database, pledge.Id)).Select(e => e.EventType).ShouldBe(["pledge.completed"]);
        (await PledgeStore.HistoryAsync(database, pledge.Id))[^1].Reason.ShouldBe("completed cannot become failed");
    }

    [Fact]
    public async Task the_same_payment_news_twice_under_new_event_ids_emits_once()
    {
        await using var database = await PledgesDatabase.CreateAsync(server);
        var pledge = await PledgeStore.CreateAsync(database);

        await DeliverAsync(database, pledge.Id, "payment.completed", 4);
        await DeliverAsync(database, pledge.Id, "payment.completed", 4);
        await DeliverAsync(database, pledge.Id, "payment.completed", 4);

        (await PaymentDrivenEventsAsync(database, pledge.Id)).Count.ShouldBe(1);
        (await PledgeStore.ReadAsync(database, pledge.Id)).Version.ShouldBe(2);
    }

    [Fact]
    public async Task an_event_of_the_same_payment_version_as_the_last_applied_is_stale()
    {
        await using var database = await PledgesDatabase.CreateAsync(server);
        var pledge = await PledgeStore.CreateAsync(database);

        await DeliverAsync(database, pledge.Id, "payment.completed", 4);
        await DeliverAsync(database, pledge.Id, "payment.refunded", 4);

        (await PledgeStore.ReadAsync(database, pledge.Id)).Status.ShouldBe(PledgeStatus.Completed);
        (await PledgeStore.HistoryAsync(database, pledge.Id))[^1].Reason.ShouldBe("stale: payment version 4 is not newer than 4");
    }

    [Fact]
    public async Task a_second_status_that_implies_the_same_pledge_status_emits_nothing()
    {
        await using var database = await PledgesDatabase.CreateAsync(server);
        var pledge = await PledgeStore.CreateAsync(database);

        await DeliverAsync(database, pledge.Id, "payment.initiated", 1);
        await DeliverAsync(database, pledge.Id, "payment.authorized", 2);

        var stored = await PledgeStore.ReadAsync(database, pledge.Id);
        stored.Status.ShouldBe(PledgeStatus.PaymentInitiated);
        stored.PaymentVersion.ShouldBe(2);
        (await PaymentDrivenEventsAsync(database, pledge.Id)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task an_event_from_another_payment_changes_nothing()
    {
        await using var database = await PledgesDatabase.CreateAsync(server);
        var pledge = await PledgeStore.CreateAsync(database);

        await DeliverAsync(database, pledge.Id, "payment.initiated", 1);
        await DeliverAsync(database, pledge.Id, "payment.completed", 9, paymentId: Guid.CreateVersion7());

        (await PledgeStore.ReadAsync(database, pledge.Id)).Status.ShouldBe(PledgeStatus.PaymentInitiated);
        (await PledgeStore.HistoryAsync(database, pledge.Id))[^1].Reason!.ShouldContain("but the pledge is paid by");
    }

    [Fact]
    public async Task an_anonymous_donor_has_no_name_in_the_events()
    {
        await using var database = await PledgesDatabase.CreateAsync(server);
        var pledge = await PledgeStore.CreateAsync(database, name: "Bob", anonymous: true);

        await DeliverAsync(database, pledge.Id, "payment.completed", 4);

        var completed = (await PaymentDrivenEventsAsync(database, pledge.Id)).Single();
        completed.Text("donorName").ShouldBeNull();
        completed.Data.GetProperty("isAnonymous").GetBoolean().ShouldBeTrue();
        completed.Text("donorEmail").ShouldBe("ann@example.org");
    }

    [Fact]
    public async Task an_event_for_an_unknown_pledge_is_ignored()
    {
        await using var database = await PledgesDatabase.CreateAsync(server);

        await Should.NotThrowAsync(() => DeliverAsync(database, Guid.NewGuid(), "payment.completed", 4));
    }
}
