using Npgsql;

namespace CareForAll.BuildingBlocks.Idempotency;

/// <summary>
/// The SQL behind Idempotency-Key. While a request runs it holds a transaction-scoped advisory lock on its
/// key (a second request cannot take it: 409); the key row is written in that same transaction, together with
/// the endpoint's effect, so the effect and the stored response commit or vanish together.
/// </summary>
internal static class IdempotencyStore
{
    const string TryLockSql = "SELECT pg_try_advisory_xact_lock(hashtextextended(@lockKey, 0))";

    const string LookupSql = """
        SELECT fingerprint, status_code, content_type, response_body
        FROM idempotency_keys
        WHERE scope = @scope AND idempotency_key = @key AND expires_at > now()
        """;

    const string SaveSql = """
        INSERT INTO idempotency_keys
            (scope, idempotency_key, fingerprint, status_code, content_type, response_body, created_at, expires_at)
        VALUES (@scope, @key, @fingerprint, @statusCode, @contentType, @body, now(), now() + @retention)
        ON CONFLICT (scope, idempotency_key) DO UPDATE
        SET fingerprint = EXCLUDED.fingerprint, status_code = EXCLUDED.status_code,
            content_type = EXCLUDED.content_type, response_body = EXCLUDED.response_body,
            created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
        """;

    const string CleanupSql = "DELETE FROM idempotency_keys WHERE expires_at <= now()";

    /// <summary>Takes the key's lock for the rest of <paramref name="transaction"/>; false when another request holds it.</summary>
    public static async Task<bool> TryLockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string scope, string key,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(TryLockSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("lockKey", scope + "\n" + key));
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The unexpired response stored under the key, if any.</summary>
    public static async Task<StoredResponse?> FindAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string scope, string key,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(LookupSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("scope", scope));
        command.Parameters.Add(new NpgsqlParameter<string>("key", key));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new StoredResponse(
            reader.GetString(0),
            reader.GetInt32(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.GetFieldValue<byte[]>(3));
    }

    /// <summary>Stores the response under the key (replacing an expired row) in <paramref name="transaction"/>.</summary>
    public static async Task SaveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string scope, string key,
        StoredResponse response, TimeSpan retention, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(SaveSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("scope", scope));
        command.Parameters.Add(new NpgsqlParameter<string>("key", key));
        command.Parameters.Add(new NpgsqlParameter<string>("fingerprint", response.Fingerprint));
        command.Parameters.Add(new NpgsqlParameter<int>("statusCode", response.StatusCode));
        command.Parameters.Add(new NpgsqlParameter("contentType", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)response.ContentType ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<byte[]>("body", response.Body));
        command.Parameters.Add(new NpgsqlParameter<TimeSpan>("retention", retention));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes expired keys.</summary>
    public static async Task<int> DeleteExpiredAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(CleanupSql);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
