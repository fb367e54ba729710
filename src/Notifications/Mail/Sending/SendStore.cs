namespace CareForAll.Notifications.Mail.Sending;

/// <summary>
/// The sender's SQL. Due rows are claimed under <c>FOR UPDATE SKIP LOCKED</c> by moving their next attempt past a
/// lease, so two replicas never claim one row and no transaction stays open while the SMTP server answers.
/// </summary>
internal sealed class SendStore(NpgsqlDataSource database)
{
    private const string Claim = """
        UPDATE notifications.notifications AS n
        SET attempts = n.attempts + 1, next_attempt_at = @LeaseUntil
        FROM (
            SELECT id FROM notifications.notifications
            WHERE status = 'queued' AND next_attempt_at <= @Now
            ORDER BY next_attempt_at, id
            LIMIT @Limit
            FOR UPDATE SKIP LOCKED
        ) AS due
        WHERE n.id = due.id
        RETURNING n.id AS Id, n.recipient_email AS RecipientEmail, n.template AS Template, n.languages AS Languages,
                  n.subject AS Subject, n.body_text AS BodyText, n.body_html AS BodyHtml, n.attempts AS Attempts
        """;

    private const string MarkSent = """
        UPDATE notifications.notifications SET status = 'sent', sent_at = @Now, last_error = NULL
        WHERE id = @Id AND status = 'queued'
        """;

    private const string Retry = """
        UPDATE notifications.notifications SET next_attempt_at = @Next, last_error = @Error
        WHERE id = ANY(@Ids) AND status = 'queued'
        """;

    private const string Fail = """
        UPDATE notifications.notifications SET status = 'failed', last_error = @Error
        WHERE id = @Id AND status = 'queued'
        """;

    private const string Backlog = """
        SELECT count(*) AS Queued, min(created_at) AS OldestCreatedAt, min(next_attempt_at) AS NextDueAt
        FROM notifications.notifications
        WHERE status = 'queued'
        """;

    public async Task<IReadOnlyList<OutgoingMail>> ClaimAsync(int limit, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return [.. (await connection.QueryAsync<OutgoingMail>(new CommandDefinition(
            Claim,
            new { Limit = limit, Now = now.UtcDateTime, LeaseUntil = (now + lease).UtcDateTime },
            cancellationToken: ct))).OrderBy(m => m.Id)];
    }

    public async Task MarkSentAsync(Guid id, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(MarkSent, new { Id = id, Now = now.UtcDateTime }, cancellationToken: ct));
    }

    public async Task RetryAsync(IReadOnlyCollection<Guid> ids, DateTimeOffset next, string error, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(Retry, new { Ids = ids.ToArray(), Next = next.UtcDateTime, Error = error }, cancellationToken: ct));
    }

    public async Task FailAsync(Guid id, string error, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(Fail, new { Id = id, Error = error }, cancellationToken: ct));
    }

    public async Task<MailBacklog> BacklogAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await connection.QuerySingleAsync<MailBacklog>(new CommandDefinition(Backlog, cancellationToken: ct));
    }
}

/// <summary>How much mail waits, since when, and when the next is due.</summary>
internal sealed class MailBacklog
{
    public long Queued { get; init; }

    public DateTime? OldestCreatedAt { get; init; }

    public DateTime? NextDueAt { get; init; }
}
