namespace CareForAll.Admin.Features.SystemNotifications.MarkRead;

internal static class Data
{
    // The first reader is kept: marking again changes nothing.
    private const string Mark = """
        UPDATE admin.system_notifications SET read_at = @Now, read_by = @AdminId
        WHERE id = @Id AND read_at IS NULL
        """;

    private const string Select = $"SELECT {NotificationRow.Columns} FROM admin.system_notifications WHERE id = @Id";

    /// <summary>Marks it read; returns it as it now is (null when there is no such notification) and whether this call marked it.</summary>
    public static async Task<(NotificationRow? Row, bool Marked)> MarkAsync(
        NpgsqlDataSource database, Guid id, Guid adminId, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var marked = await connection.ExecuteAsync(new CommandDefinition(
            Mark, new { Id = id, AdminId = adminId, Now = now.UtcDateTime }, cancellationToken: ct)) == 1;
        var row = await connection.QuerySingleOrDefaultAsync<NotificationRow>(new CommandDefinition(Select, new { Id = id }, cancellationToken: ct));
        return (row, marked);
    }
}
