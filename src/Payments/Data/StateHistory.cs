namespace CareForAll.Payments.Data;

/// <summary>Writes <c>payments.payment_state_history</c>.</summary>
internal static class StateHistory
{
    private const string InsertSql = """
        INSERT INTO payments.payment_state_history
            (id, payment_id, from_status, to_status, accepted, reason, source, actor, webhook_log_id, created_at)
        VALUES (@Id, @PaymentId, @FromStatus, @ToStatus, @Accepted, @Reason, @Source, @Actor::jsonb, @WebhookLogId, @At)
        """;

    public static Task AddAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, HistoryEntry entry, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            InsertSql,
            new
            {
                Id = Guid.CreateVersion7(entry.At),
                entry.PaymentId,
                entry.FromStatus,
                entry.ToStatus,
                entry.Accepted,
                entry.Reason,
                entry.Source,
                Actor = entry.ActorJson,
                entry.WebhookLogId,
                At = entry.At.UtcDateTime,
            },
            transaction,
            cancellationToken: ct));
}
