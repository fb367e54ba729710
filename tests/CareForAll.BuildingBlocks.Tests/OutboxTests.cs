using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using CareForAll.BuildingBlocks.Database;
using CareForAll.BuildingBlocks.Messaging;
using Npgsql;

namespace CareForAll.BuildingBlocks.Tests;

[Collection(PostgresGroup.Name)]
public sealed class OutboxTests(PostgresServer server)
{
    sealed record PledgeCreated(Guid PledgeId, decimal Amount);

    static async Task<Guid> AddEventAsync(NpgsqlDataSource dataSource, long version = 1, bool commit = true)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var aggregateId = Guid.NewGuid();
        var eventId = await Outbox.AddAsync(connection, transaction, "pledge.created", aggregateId, version,
            new PledgeCreated(aggregateId, 1500.50m), CancellationToken.None);
        if (commit)
        {
            await transaction.CommitAsync();
        }
        else
        {
            await transaction.RollbackAsync();
        }

        return eventId;
    }

    [Fact]
    public async Task concurrent_claimers_never_get_the_same_row_and_together_get_every_row()
    {
        await using var dataSource = await TestDatabase.CreateMigratedAsync(server);
        await using (var seed = dataSource.CreateCommand("""
            INSERT INTO outbox_messages (event_id, event_type, occurred_at, aggregate_id, aggregate_version, data)
            SELECT gen_random_uuid(), 'pledge.created', now(), gen_random_uuid(), 1, '{}'::jsonb
            FROM generate_series(1, 2000)
            """))
        {
            await seed.ExecuteNonQueryAsync();
        }

        var claimed = new ConcurrentBag<long>();
        var store = new OutboxStore(dataSource);
        var claimers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var batch = await store.ClaimAsync(37, TimeSpan.FromMinutes(5), CancellationToken.None);
                if (batch.Count == 0)
                {
                    return;
                }

                foreach (var message in batch)
                {
                    claimed.Add(message.Id);
                }

                await store.MarkSentAsync([.. batch.Select(m => m.Id)], CancellationToken.None);
            }
        }));
        await Task.WhenAll(claimers);

        claimed.Count.ShouldBe(2000);
        claimed.Distinct().Count().ShouldBe(2000);
        (await TestDatabase.CountAsync(dataSource, "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL")).ShouldBe(0);
    }

    [Fact]
    public async Task a_claimed_row_is_not_claimed_again_until_released_or_its_lease_ends()
    {
        await using var dataSource = await TestDatabase.CreateMigratedAsync(server);
        var store = new OutboxStore(dataSource);
        await AddEventAsync(dataSource);
        await AddEventAsync(dataSource);

        var first = await store.ClaimAsync(1, TimeSpan.FromMinutes(5), CancellationToken.None);
        var second = await store.ClaimAsync(10, TimeSpan.FromMilliseconds(200), CancellationToken.None);
        first.Count.ShouldBe(1);
        second.Count.ShouldBe(1);
        second[0].Id.ShouldNotBe(first[0].Id);
        (await store.ClaimAsync(10, TimeSpan.FromMinutes(5), CancellationToken.None)).ShouldBeEmpty();

        await store.ReleaseAsync([first[0].Id], "broker away", CancellationToken.None);
        var again = await store.ClaimAsync(10, TimeSpan.FromMinutes(5), CancellationToken.None);
        again.Select(m => m.Id).ShouldBe([first[0].Id]);

        // The second claim's 200 ms lease runs out on the database clock: poll until it can be claimed again.
        IReadOnlyList<OutboxMessage> afterLease = [];
        await Eventually.UntilAsync(
            async () => (afterLease = await store.ClaimAsync(10, TimeSpan.FromMinutes(5), CancellationToken.None)).Count > 0,
            TimeSpan.FromSeconds(10),
            "the expired lease was never released");

        afterLease.Select(m => m.Id).ShouldBe([second[0].Id]);
        (await TestDatabase.CountAsync(dataSource, $"SELECT attempts FROM outbox_messages WHERE id = {second[0].Id}")).ShouldBe(2);
    }

    [Fact]
    public async Task an_event_exists_only_if_its_transaction_commits()
    {
        await using var dataSource = await TestDatabase.CreateMigratedAsync(server);
        await AddEventAsync(dataSource, commit: false);
        var committed = await AddEventAsync(dataSource);

        var claimed = await new OutboxStore(dataSource).ClaimAsync(10, TimeSpan.FromMinutes(1), CancellationToken.None);
        claimed.Select(m => m.EventId).ShouldBe([committed]);
    }

    [Fact]
    public async Task writing_an_event_wakes_the_relay_in_this_process()
    {
        await using var dataSource = await TestDatabase.CreateMigratedAsync(server);
        var wakeup = new PostgresWakeup(dataSource, MessagingNames.OutboxNotifyChannel, _ => { });
        using var stopping = new CancellationTokenSource();
        var listening = wakeup.ListenAsync(stopping.Token);
        // The first wake-up comes once the loop listens (it looks for what was written before).
        await wakeup.WaitAsync(TimeSpan.FromMinutes(1), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        var woken = wakeup.WaitAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        await AddEventAsync(dataSource);

        // Without the signal the loop would sleep its whole poll interval.
        await woken.WaitAsync(TimeSpan.FromSeconds(10));
        await stopping.CancelAsync();
        await listening;
    }

    [Fact]
    public async Task the_event_keeps_the_trace_of_the_request_that_wrote_it()
    {
        await using var dataSource = await TestDatabase.CreateMigratedAsync(server);
        using var activity = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();
        activity.TraceStateString = "cfa=1";
        await AddEventAsync(dataSource);
        activity.Stop();

        var message = (await new OutboxStore(dataSource).ClaimAsync(1, TimeSpan.FromMinutes(1), CancellationToken.None)).Single();
        message.Traceparent.ShouldBe(activity.Id);
        message.Tracestate.ShouldBe("cfa=1");
    }

    [Fact]
    public async Task the_published_body_is_the_camel_case_envelope()
    {
        await using var dataSource = await TestDatabase.CreateMigratedAsync(server);
        var eventId = await AddEventAsync(dataSource, version: 7);
        var message = (await new OutboxStore(dataSource).ClaimAsync(1, TimeSpan.FromMinutes(1), CancellationToken.None)).Single();

        using var body = JsonDocument.Parse(message.ToEnvelopeJson());
        var root = body.RootElement;
        root.GetProperty("eventId").GetGuid().ShouldBe(eventId);
        root.GetProperty("eventType").GetString().ShouldBe("pledge.created");
        root.GetProperty("aggregateVersion").GetInt64().ShouldBe(7);
        root.GetProperty("aggregateId").GetGuid().ShouldBe(message.AggregateId);
        root.GetProperty("occurredAt").GetDateTimeOffset().ShouldBe(message.OccurredAt);
        root.GetProperty("data").GetProperty("amount").GetDecimal().ShouldBe(1500.50m);

        var envelope = JsonSerializer.Deserialize<IntegrationEvent>(message.ToEnvelopeJson(), MessagingJson.Options)!;
        envelope.Data.GetProperty("pledgeId").GetGuid().ShouldBe(message.AggregateId);
    }

    [Fact]
    public async Task backlog_counts_unsent_rows_and_sent_rows_are_cleaned_up_after_retention()
    {
        await using var dataSource = await TestDatabase.CreateMigratedAsync(server);
        var store = new OutboxStore(dataSource);
        await AddEventAsync(dataSource);
        await AddEventAsync(dataSource);
        await AddEventAsync(dataSource);

        var (pending, oldest) = await store.GetBacklogAsync(CancellationToken.None);
        pending.ShouldBe(3);
        oldest.ShouldBeGreaterThanOrEqualTo(TimeSpan.Zero);

        var batch = await store.ClaimAsync(2, TimeSpan.FromMinutes(1), CancellationToken.None);
        await store.MarkSentAsync([.. batch.Select(m => m.Id)], CancellationToken.None);
        (await store.GetBacklogAsync(CancellationToken.None)).Pending.ShouldBe(1);

        (await store.DeleteSentAsync(TimeSpan.FromHours(1), CancellationToken.None)).ShouldBe(0);
        (await store.DeleteSentAsync(TimeSpan.Zero, CancellationToken.None)).ShouldBe(2);
        (await TestDatabase.CountAsync(dataSource, "SELECT count(*) FROM outbox_messages")).ShouldBe(1);
    }
}
