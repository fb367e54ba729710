namespace CareForAll.Admin.Data;

/// <summary>Writes system notifications; each dedupe key is raised once, whoever sees its cause again.</summary>
internal static class SystemNotificationStore
{
    private const string Insert = """
        INSERT INTO admin.system_notifications (dedupe_key, type, category, title, message, severity, metadata, created_at)
        VALUES (@DedupeKey, @Type, @Category, @Title, @Message, @Severity, @Metadata::jsonb, @Now)
        ON CONFLICT (dedupe_key) DO NOTHING
        """;

    private const string CountUnread = "SELECT count(*) FROM admin.system_notifications WHERE NOT is_read";

    /// <summary>Raises <paramref name="alert"/>; false when its key was raised before.</summary>
    public static async Task<bool> RaiseAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, SystemAlert alert, DateTimeOffset now, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            Insert,
            new
            {
                alert.DedupeKey,
                alert.Type,
                alert.Category,
                alert.Title,
                alert.Message,
                alert.Severity,
                Metadata = alert.Metadata.ToJsonString(),
                Now = now.UtcDateTime,
            },
            transaction,
            cancellationToken: ct)) == 1;

    public static async Task<long> CountUnreadAsync(NpgsqlDataSource database, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountUnread, cancellationToken: ct));
    }
}
