namespace CareForAll.Admin.Features.AuditLog.Record;

internal static class Data
{
    // The event id is unique: a redelivery whose inbox row is long gone still adds nothing.
    private const string Insert = """
        INSERT INTO admin.audit_logs
            (event_id, event_type, admin_id, action, entity_type, entity_id, details, ip_address, user_agent, created_at, recorded_at)
        VALUES
            (@EventId, @EventType, @AdminId, @Action, @EntityType, @EntityId, @Details::jsonb, @IpAddress::inet, @UserAgent, @OccurredAt, @Now)
        ON CONFLICT (event_id) DO NOTHING
        """;

    /// <summary>Adds the entry; false when its event was logged before.</summary>
    public static async Task<bool> InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, AuditEntry entry, DateTimeOffset now, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            Insert,
            new
            {
                entry.EventId,
                entry.EventType,
                entry.AdminId,
                entry.Action,
                entry.EntityType,
                entry.EntityId,
                Details = entry.Details.ToJsonString(),
                IpAddress = entry.IpAddress?.ToString(),
                entry.UserAgent,
                OccurredAt = entry.OccurredAt.UtcDateTime,
                Now = now.UtcDateTime,
            },
            transaction,
            cancellationToken: ct)) == 1;
}
