using CareForAll.Admin.Domain;

namespace CareForAll.Admin.Features.AuditLog.List;

internal sealed class AuditLogRow
{
    public Guid Id { get; init; }

    public Guid EventId { get; init; }

    public string EventType { get; init; } = "";

    public Guid AdminId { get; init; }

    public string Action { get; init; } = "";

    public string EntityType { get; init; } = "";

    public Guid EntityId { get; init; }

    public string Details { get; init; } = "{}";

    public string? IpAddress { get; init; }

    public string? UserAgent { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime RecordedAt { get; init; }
}

internal static class Data
{
    private const string Filter = """
        WHERE (@AdminId::uuid IS NULL OR admin_id = @AdminId::uuid)
          AND (@Action::text IS NULL OR action = @Action::text)
          AND (@EntityType::text IS NULL OR entity_type = @EntityType::text)
          AND (@EntityId::uuid IS NULL OR entity_id = @EntityId::uuid)
          AND (@From::timestamptz IS NULL OR created_at >= @From::timestamptz)
          AND (@To::timestamptz IS NULL OR created_at <= @To::timestamptz)
        """;

    // Newest first; the id breaks ties so pages never overlap.
    private const string SelectPage = $"""
        SELECT id AS Id, event_id AS EventId, event_type AS EventType, admin_id AS AdminId, action AS Action,
               entity_type AS EntityType, entity_id AS EntityId, details::text AS Details, host(ip_address) AS IpAddress,
               user_agent AS UserAgent, created_at AS CreatedAt, recorded_at AS RecordedAt
        FROM admin.audit_logs
        {Filter}
        ORDER BY created_at DESC, id DESC
        LIMIT @Limit OFFSET @Offset;

        SELECT count(*) FROM admin.audit_logs
        {Filter};
        """;

    public static async Task<(IReadOnlyList<AuditLogRow> Rows, long Total)> FindAsync(NpgsqlDataSource database, Request filter, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            SelectPage,
            new
            {
                filter.AdminId,
                filter.Action,
                filter.EntityType,
                filter.EntityId,
                From = filter.From?.UtcDateTime,
                To = filter.To?.UtcDateTime,
                filter.Limit,
                Offset = Paging.Offset(filter.Page, filter.Limit),
            },
            cancellationToken: ct));
        var rows = (await results.ReadAsync<AuditLogRow>()).AsList();
        var total = await results.ReadSingleAsync<long>();
        return (rows, total);
    }
}
