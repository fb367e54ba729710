using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CareForAll.BuildingBlocks.Messaging;

/// <summary>The outcome of dispatching one delivery.</summary>
internal enum DispatchOutcome
{
    /// <summary>The handler ran and its transaction committed.</summary>
    Handled,

    /// <summary>The inbox already held the event: nothing was done.</summary>
    Duplicate,
}

/// <summary>
/// Runs a handler and records the event in the inbox in one transaction. A second delivery of the same event
/// (even concurrently: the inbox insert waits for the first transaction) finds the row and does nothing.
/// Without a data source (a listener queue) handlers run directly: their effects are idempotent by nature.
/// </summary>
internal sealed class EventDispatcher(
    string consumerName,
    IReadOnlyDictionary<string, EventHandlerRegistration> registrations,
    NpgsqlDataSource? dataSource,
    IServiceScopeFactory scopeFactory)
{
    const string InboxSql = """
        INSERT INTO inbox_messages (consumer, event_id, event_type)
        VALUES (@consumer, @eventId, @eventType)
        ON CONFLICT (consumer, event_id) DO NOTHING
        """;

    const string PruneSql = """
        DELETE FROM inbox_messages WHERE consumer = @consumer AND received_at < now() - @retention
        """;

    /// <summary>Deletes this consumer's inbox rows older than <paramref name="retention"/>.</summary>
    public async Task<int> PruneInboxAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        if (dataSource is null)
        {
            return 0;
        }

        await using var command = dataSource.CreateCommand(PruneSql);
        command.Parameters.Add(new NpgsqlParameter<string>("consumer", consumerName));
        command.Parameters.Add(new NpgsqlParameter<TimeSpan>("retention", retention));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The event types this queue is bound to.</summary>
    public IEnumerable<string> EventTypes => registrations.Keys;

    /// <summary>Whether this queue has a handler for <paramref name="eventType"/>.</summary>
    public bool Handles(string eventType) => registrations.ContainsKey(eventType);

    /// <summary>Handles <paramref name="envelope"/> once; throws when the handler fails (nothing is kept then).</summary>
    public async Task<DispatchOutcome> DispatchAsync(IntegrationEvent envelope, CancellationToken cancellationToken)
    {
        if (!registrations.TryGetValue(envelope.EventType, out var registration))
        {
            throw new InvalidOperationException($"Queue '{consumerName}' has no handler for '{envelope.EventType}'.");
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        if (dataSource is null)
        {
            await registration.InvokeAsync(scope.ServiceProvider, envelope, null, null, cancellationToken);
            return DispatchOutcome.Handled;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using (var inbox = new NpgsqlCommand(InboxSql, connection, transaction))
        {
            inbox.Parameters.Add(new NpgsqlParameter<string>("consumer", consumerName));
            inbox.Parameters.Add(new NpgsqlParameter<Guid>("eventId", envelope.EventId));
            inbox.Parameters.Add(new NpgsqlParameter<string>("eventType", envelope.EventType));
            if (await inbox.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return DispatchOutcome.Duplicate;
            }
        }

        await registration.InvokeAsync(scope.ServiceProvider, envelope, connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return DispatchOutcome.Handled;
    }
}
