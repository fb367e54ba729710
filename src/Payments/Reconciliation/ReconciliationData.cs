namespace CareForAll.Payments.Reconciliation;

/// <summary>The SQL of reconciliation.</summary>
internal static class ReconciliationData
{
    // One short statement: rows another replica is claiming are skipped, and the lease (reconcile_after) keeps
    // a claimed payment away from every replica until it is due again.
    private const string ClaimSql = """
        WITH due AS (
            SELECT id
            FROM payments.payments
            WHERE ((status IN ('pending', 'authorized') AND created_at <= @OpenBefore)
                   OR (status = 'failed' AND COALESCE(session_opened_at, created_at) > @SessionsSince AND updated_at <= @OpenBefore))
              AND (reconcile_after IS NULL OR reconcile_after <= @Now)
            ORDER BY created_at
            LIMIT @BatchSize
            FOR UPDATE SKIP LOCKED)
        UPDATE payments.payments p
        SET reconcile_after = @Next
        FROM due
        WHERE p.id = due.id
        RETURNING p.id AS Id, p.tran_id AS TranId, p.status AS Status, p.created_at AS CreatedAt, p.traceparent AS Traceparent
        """;

    private const string PostponeSql = "UPDATE payments.payments SET reconcile_after = @Until WHERE id = @Id";

    public static async Task<IReadOnlyList<ReconciliationCandidate>> ClaimAsync(
        NpgsqlDataSource database, DateTimeOffset now, TimeSpan minimumAge, TimeSpan sessionExpiry, TimeSpan lease, int batchSize,
        CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<ReconciliationCandidate>(new CommandDefinition(
            ClaimSql,
            new
            {
                Now = now.UtcDateTime,
                OpenBefore = (now - minimumAge).UtcDateTime,
                SessionsSince = (now - sessionExpiry).UtcDateTime,
                Next = (now + lease).UtcDateTime,
                BatchSize = batchSize,
            },
            cancellationToken: ct));
        return rows.AsList();
    }

    public static Task PostponeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, DateTimeOffset until, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(PostponeSql, new { Id = id, Until = until.UtcDateTime }, transaction, cancellationToken: ct));
}
