namespace CareForAll.Notifications.Features.History.ListByUser;

internal static class Data
{
    // Secret-bearing bodies never leave the database through this route, whoever asks.
    private const string List = """
        SELECT id AS Id, template AS Template, recipient_email AS RecipientEmail, subject AS Subject, languages AS Languages,
               status AS Status, attempts AS Attempts, last_error AS LastError, event_type AS EventType, created_at AS CreatedAt,
               sent_at AS SentAt,
               CASE WHEN sensitive THEN NULL ELSE body_text END AS BodyText,
               CASE WHEN sensitive OR NOT @IncludeHtml THEN NULL ELSE body_html END AS BodyHtml
        FROM notifications.notifications
        WHERE user_id = @UserId
        ORDER BY created_at DESC, id DESC
        LIMIT @Limit OFFSET @Offset
        """;

    private const string Count = "SELECT count(*) FROM notifications.notifications WHERE user_id = @UserId";

    /// <summary>One page of the user's mail, newest first, and how many there are in all.</summary>
    public static async Task<(IReadOnlyList<HistoryRow> Rows, long Total)> ListAsync(
        NpgsqlDataSource database, Guid userId, int page, int limit, bool includeHtml, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<HistoryRow>(new CommandDefinition(
            List,
            new { UserId = userId, Limit = limit, Offset = (long)(page - 1) * limit, IncludeHtml = includeHtml },
            cancellationToken: ct));
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(Count, new { UserId = userId }, cancellationToken: ct));
        return ([.. rows], total);
    }
}

internal sealed class HistoryRow
{
    public Guid Id { get; init; }

    public string Template { get; init; } = "";

    public string RecipientEmail { get; init; } = "";

    public string Subject { get; init; } = "";

    public string Languages { get; init; } = "";

    public string Status { get; init; } = "";

    public int Attempts { get; init; }

    public string? LastError { get; init; }

    public string? EventType { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? SentAt { get; init; }

    public string? BodyText { get; init; }

    public string? BodyHtml { get; init; }
}
