using Npgsql;

namespace CareForAll.BuildingBlocks.Messaging;

/// <summary>
/// The relay's SQL. Rows are claimed with a short lease taken under <c>FOR UPDATE SKIP LOCKED</c>, so replicas
/// never claim one row at the same time and no transaction stays open while the broker confirms.
/// </summary>
internal sealed class OutboxStore(NpgsqlDataSource dataSource)
{
    const string ClaimSql = """
        UPDATE outbox_messages AS o
        SET locked_until = now() + @lease, attempts = o.attempts + 1
        FROM (
            SELECT id FROM outbox_messages
            WHERE sent_at IS NULL AND (locked_until IS NULL OR locked_until < now())
            ORDER BY id
            LIMIT @batchSize
            FOR UPDATE SKIP LOCKED
        ) AS claimed
        WHERE o.id = claimed.id
        RETURNING o.id, o.event_id, o.event_type, o.occurred_at, o.aggregate_id, o.aggregate_version,
                  o.data::text, o.traceparent, o.tracestate
        """;

    const string MarkSentSql = """
        UPDATE outbox_messages SET sent_at = now(), locked_until = NULL, last_error = NULL
        WHERE id = ANY(@ids)
        """;

    const string ReleaseSql = """
        UPDATE outbox_messages SET locked_until = NULL, last_error = @error
        WHERE id = ANY(@ids) AND sent_at IS NULL
        """;

    const string BacklogSql = """
        SELECT count(*), COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8
        FROM outbox_messages WHERE sent_at IS NULL
        """;

    const string DeleteSentSql = """
        DELETE FROM outbox_messages WHERE sent_at IS NOT NULL AND sent_at < now() - @retention
        """;

    /// <summary>Claims up to <paramref name="batchSize"/> unsent rows for <paramref name="lease"/>, oldest first.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(int batchSize, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ClaimSql);
        command.Parameters.Add(new NpgsqlParameter<TimeSpan>("lease", lease));
        command.Parameters.Add(new NpgsqlParameter<int>("batchSize", batchSize));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var messages = new List<OutboxMessage>(batchSize);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new OutboxMessage(
                reader.GetInt64(0),
                reader.GetGuid(1),
                reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetGuid(4),
                reader.GetInt64(5),
                reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        // UPDATE ... RETURNING gives no order guarantee; publishing oldest first keeps lag fair.
        messages.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        return messages;
    }

    /// <summary>Marks confirmed rows as sent.</summary>
    public async Task MarkSentAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(MarkSentSql);
        command.Parameters.Add(new NpgsqlParameter<long[]>("ids", [.. ids]));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Gives rows back so they are claimed again at once (instead of when the lease ends).</summary>
    public async Task ReleaseAsync(IReadOnlyCollection<long> ids, string error, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(ReleaseSql);
        command.Parameters.Add(new NpgsqlParameter<long[]>("ids", [.. ids]));
        command.Parameters.Add(new NpgsqlParameter<string>("error", error.Length > 2000 ? error[..2000] : error));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Counts unsent rows and the age of the oldest.</summary>
    public async Task<(long Pending, TimeSpan OldestAge)> GetBacklogAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(BacklogSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), TimeSpan.FromSeconds(reader.GetDouble(1)));
    }

    /// <summary>Deletes rows sent longer ago than <paramref name="retention"/>.</summary>
    public async Task<int> DeleteSentAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(DeleteSentSql);
        command.Parameters.Add(new NpgsqlParameter<TimeSpan>("retention", retention));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
