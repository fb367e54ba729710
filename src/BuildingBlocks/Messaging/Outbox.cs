using System.Diagnostics;
using System.Text.Json;
using CareForAll.BuildingBlocks.Database;
using Npgsql;
using NpgsqlTypes;

namespace CareForAll.BuildingBlocks.Messaging;

/// <summary>Writes events into the service's outbox, inside the caller's transaction.</summary>
public static class Outbox
{
    // No pg_notify here: a notifying commit holds PostgreSQL's cluster-wide notify lock across its WAL flush. The
    // relay in this process is signalled directly instead (PostgresWakeup.Signal).
    const string InsertSql = """
        INSERT INTO outbox_messages
            (event_id, event_type, occurred_at, aggregate_id, aggregate_version, data, traceparent, tracestate)
        VALUES (@eventId, @eventType, @occurredAt, @aggregateId, @aggregateVersion, @data, @traceparent, @tracestate)
        """;

    /// <summary>
    /// Adds an event to the outbox in <paramref name="transaction"/>, so it is published if and only if the
    /// transaction commits; the relay in this process is signalled. The current
    /// <see cref="Activity"/>'s <c>traceparent</c> is kept so the event continues the request's trace.
    /// </summary>
    /// <param name="connection">The open connection of <paramref name="transaction"/>.</param>
    /// <param name="transaction">The transaction holding the state change.</param>
    /// <param name="eventType">Dotted event type, also the routing key (e.g. <c>user.registered</c>).</param>
    /// <param name="aggregateId">The entity that changed.</param>
    /// <param name="aggregateVersion">The entity's version after the change.</param>
    /// <param name="data">The payload, serialized as a camelCase JSON object.</param>
    /// <param name="cancellationToken">Cancels the insert.</param>
    /// <returns>The new event's id.</returns>
    public static async Task<Guid> AddAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string eventType,
        Guid aggregateId,
        long aggregateVersion,
        object data,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventType);
        ArgumentNullException.ThrowIfNull(data);

        var eventId = Guid.CreateVersion7();
        var activity = Activity.Current;
        var traceparent = activity is { IdFormat: ActivityIdFormat.W3C } ? activity.Id : null;

        await using var command = new NpgsqlCommand(InsertSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid>("eventId", eventId));
        command.Parameters.Add(new NpgsqlParameter<string>("eventType", eventType));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("occurredAt", DateTimeOffset.UtcNow));
        command.Parameters.Add(new NpgsqlParameter<Guid>("aggregateId", aggregateId));
        command.Parameters.Add(new NpgsqlParameter<long>("aggregateVersion", aggregateVersion));
        command.Parameters.Add(new NpgsqlParameter<string>("data", NpgsqlDbType.Jsonb)
        {
            TypedValue = JsonSerializer.Serialize(data, data.GetType(), MessagingJson.Options),
        });
        command.Parameters.Add(new NpgsqlParameter("traceparent", NpgsqlDbType.Text) { Value = (object?)traceparent ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("tracestate", NpgsqlDbType.Text) { Value = (object?)activity?.TraceStateString ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
        PostgresWakeup.Signal(MessagingNames.OutboxNotifyChannel);
        return eventId;
    }
}
