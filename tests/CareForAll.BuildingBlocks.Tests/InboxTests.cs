using System.Text.Json;
using CareForAll.BuildingBlocks.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CareForAll.BuildingBlocks.Tests;

[Collection(PostgresGroup.Name)]
public sealed class InboxTests(PostgresServer server)
{
    public sealed record UserRegistered(Guid UserId, string Email);

    public sealed class RecordWelcome(FailureSwitch failures, Hold hold) : IEventHandler<UserRegistered>
    {
        public async Task HandleAsync(EventContext<UserRegistered> context, CancellationToken cancellationToken)
        {
            await using var insert = new NpgsqlCommand(
                "INSERT INTO test_effects (source, reference) VALUES ('welcome', @email)", context.Connection, context.Transaction);
            insert.Parameters.AddWithValue("email", context.Data.Email);
            await insert.ExecuteNonQueryAsync(cancellationToken);

            // The inbox row and the effect are written and the transaction open until the test lets go.
            await hold.WaitAsync(cancellationToken);
            if (failures.FailNext)
            {
                failures.FailNext = false;
                throw new InvalidOperationException("mail server down");
            }
        }
    }

    public sealed class FailureSwitch
    {
        public bool FailNext { get; set; }
    }

    static (EventDispatcher Dispatcher, ServiceProvider Services) CreateDispatcher(NpgsqlDataSource dataSource, string consumer = "notifications")
    {
        var services = new ServiceCollection();
        services.AddSingleton<FailureSwitch>();
        services.AddSingleton<Hold>();
        var builder = new EventConsumerBuilder(consumer, services, new ConsumerOptions());
        builder.Handle<UserRegistered, RecordWelcome>("user.registered");
        var provider = services.BuildServiceProvider();
        return (new EventDispatcher(consumer, builder.Registrations, dataSource, provider.GetRequiredService<IServiceScopeFactory>()), provider);
    }

    static IntegrationEvent Envelope(string email) => new(
        Guid.NewGuid(), "user.registered", DateTimeOffset.UtcNow, Guid.NewGuid(), 1,
        JsonSerializer.SerializeToElement(new { userId = Guid.NewGuid(), email }, MessagingJson.Options));

    [Fact]
    public async Task a_redelivered_event_is_skipped_and_its_effect_happens_once()
    {
        await using var dataSource = await TestDatabase.CreateMigratedAsync(server);
        var (dispatcher, services) = CreateDispatcher(dataSource);
        await using var _ = services;
        var envelope = Envelope("ada@example.org");

        (await dispatcher.DispatchAsync(envelope, CancellationToken.None)).ShouldBe(DispatchOutcome.Handled);
        (await dispatcher.DispatchAsync(envelope, CancellationToken.None)).ShouldBe(DispatchOutcome.Duplicate);
        (await dispatcher.DispatchAsync(envelope, CancellationToken.None)).ShouldBe(DispatchOutcome.Duplicate);

        (await TestDatabase.CountAsync(dataSource, "SELECT count(*) FROM test_effects")).ShouldBe(1);
        (await TestDatabase.CountAsync(dataSource, "SELECT count(*) FROM inbox_messages WHERE consumer = 'notifications'")).ShouldBe(1);
    }

    [Fact]
    public async Task concurrent_deliveries_of_one_event_have_one_effect()
    {
        await using var dataSource = await TestDatabase.CreateMigratedAsync(server);
        var (dispatcher, services) = CreateDispatcher(dataSource);
        await using var _ = services;
        var envelope = Envelope("grace@example.org");

        var hold = services.GetRequiredService<Hold>();
        hold.Close();

        var deliveries = Enumerable.Range(0, 8)
            .Select(_ => Task.Run(() => dispatcher.DispatchAsync(envelope, CancellationToken.None)))
            .ToArray();

        // One delivery is inside its handler; the other seven wait on its uncommitted inbox row.
        await Eventually.UntilAsync(
            async () => await TestDatabase.CountAsync(dataSource,
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") >= 7,
            TimeSpan.FromSeconds(30),
            "the seven other deliveries never overlapped the first");

        hold.Open();
        var outcomes = await Task.WhenAll(deliveries);

        outcomes.Count(o => o == DispatchOutcome.Handled).ShouldBe(1);
        outcomes.Count(o => o == DispatchOutcome.Duplicate).ShouldBe(7);
        (await TestDatabase.CountAsync(dataSource, "SELECT count(*) FROM test_effects")).ShouldBe(1);
    }

    [Fact]
    public async Task a_failed_handler_leaves_no_effect_and_no_inbox_row_so_the_retry_runs()
    {
        await using var dataSource = await TestDatabase.CreateMigratedAsync(server);
        var (dispatcher, services) = CreateDispatcher(dataSource);
        await using var _ = services;
        services.GetRequiredService<FailureSwitch>().FailNext = true;
        var envelope = Envelope("linus@example.org");

        await Should.ThrowAsync<InvalidOperationException>(() => dispatcher.DispatchAsync(envelope, CancellationToken.None));
        (await TestDatabase.CountAsync(dataSource, "SELECT count(*) FROM test_effects")).ShouldBe(0);
        (await TestDatabase.CountAsync(dataSource, "SELECT count(*) FROM inbox_messages")).ShouldBe(0);

        (await dispatcher.DispatchAsync(envelope, CancellationToken.None)).ShouldBe(DispatchOutcome.Handled);
        (await TestDatabase.CountAsync(dataSource, "SELECT count(*) FROM test_effects")).ShouldBe(1);
    }

    [Fact]
    public async Task each_consumer_has_its_own_inbox()
    {
        await using var dataSource = await TestDatabase.CreateMigratedAsync(server);
        var (notifications, first) = CreateDispatcher(dataSource, "notifications");
        var (query, second) = CreateDispatcher(dataSource, "query");
        await using var _ = first;
        await using var __ = second;
        var envelope = Envelope("barbara@example.org");

        (await notifications.DispatchAsync(envelope, CancellationToken.None)).ShouldBe(DispatchOutcome.Handled);
        (await query.DispatchAsync(envelope, CancellationToken.None)).ShouldBe(DispatchOutcome.Handled);
        (await TestDatabase.CountAsync(dataSource, "SELECT count(*) FROM test_effects")).ShouldBe(2);
    }

    [Fact]
    public async Task only_this_consumers_old_inbox_rows_are_pruned()
    {
        await using var dataSource = await TestDatabase.CreateMigratedAsync(server);
        var (notifications, first) = CreateDispatcher(dataSource, "notifications");
        var (query, second) = CreateDispatcher(dataSource, "query");
        await using var _ = first;
        await using var __ = second;
        await notifications.DispatchAsync(Envelope("old@example.org"), CancellationToken.None);
        await query.DispatchAsync(Envelope("other@example.org"), CancellationToken.None);
        await using (var age = dataSource.CreateCommand("UPDATE inbox_messages SET received_at = now() - interval '40 days'"))
        {
            await age.ExecuteNonQueryAsync();
        }

        await notifications.DispatchAsync(Envelope("new@example.org"), CancellationToken.None);

        (await notifications.PruneInboxAsync(TimeSpan.FromDays(30), CancellationToken.None)).ShouldBe(1);
        (await TestDatabase.CountAsync(dataSource, "SELECT count(*) FROM inbox_messages WHERE consumer = 'notifications'")).ShouldBe(1);
        (await TestDatabase.CountAsync(dataSource, "SELECT count(*) FROM inbox_messages WHERE consumer = 'query'")).ShouldBe(1);
    }

    [Fact]
    public void a_queue_cannot_have_two_handlers_for_one_event_type()
    {
        var builder = new EventConsumerBuilder("notifications", new ServiceCollection(), new ConsumerOptions());
        builder.Handle<UserRegistered, RecordWelcome>("user.registered");
        Should.Throw<InvalidOperationException>(() => builder.Handle<UserRegistered, RecordWelcome>("user.registered"));
    }
}
