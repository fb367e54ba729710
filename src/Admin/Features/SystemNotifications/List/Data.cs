using CareForAll.Admin.Domain;

namespace CareForAll.Admin.Features.SystemNotifications.List;

internal static class Data
{
    private const string Filter = """
        WHERE (NOT @UnreadOnly OR NOT is_read)
          AND (@Severity::text IS NULL OR severity = @Severity::text)
        """;

    private const string SelectPage = $"""
        SELECT {NotificationRow.Columns}
        FROM admin.system_notifications
        {Filter}
        ORDER BY created_at DESC, id DESC
        LIMIT @Limit OFFSET @Offset;

        SELECT count(*) FROM admin.system_notifications
        {Filter};
        """;

    public static async Task<(IReadOnlyList<NotificationRow> Rows, long Total)> FindAsync(
        NpgsqlDataSource database, Request filter, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            SelectPage,
            new
            {
                UnreadOnly = filter.Unread == true,
                filter.Severity,
                filter.Limit,
                Offset = Paging.Offset(filter.Page, filter.Limit),
            },
            cancellationToken: ct));
        var rows = (await results.ReadAsync<NotificationRow>()).AsList();
        var total = await results.ReadSingleAsync<long>();
        return (rows, total);
    }
}
