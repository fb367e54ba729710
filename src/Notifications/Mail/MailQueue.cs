namespace CareForAll.Notifications.Mail;

/// <summary>
/// Writes rendered mail for the sender, in the caller's transaction: an event's mail exists if and only if the
/// event is recorded as handled. A mail whose dedupe key is already there is not written again. The insert
/// signals the sender in this process (no NOTIFY: see PostgresWakeup).
/// </summary>
internal sealed class MailQueue(MailTemplates templates, NotificationsMetrics metrics, TimeProvider clock)
{
    /// <summary>The channel that wakes the sender (signalled in process; LISTENed on for anyone who NOTIFYs by hand).</summary>
    public const string NotifyChannel = "notifications_mail";

    private const string Insert = """
        INSERT INTO notifications.notifications
            (id, dedupe_key, user_id, recipient_email, template, languages, subject, body_text, body_html, sensitive,
             status, attempts, next_attempt_at, event_id, event_type, created_at)
        VALUES
            (@Id, @DedupeKey, @UserId, @RecipientEmail, @Template, @Languages, @Subject, @BodyText, @BodyHtml, @Sensitive,
             'queued', 0, @Now, @EventId, @EventType, @Now)
        ON CONFLICT (dedupe_key) DO NOTHING
        RETURNING id
        """;

    private const string Exists = "SELECT EXISTS (SELECT 1 FROM notifications.notifications WHERE dedupe_key = @DedupeKey)";

    /// <summary>Renders <paramref name="draft"/> and writes it for <paramref name="to"/>; returns its id, or null when its dedupe key was already written.</summary>
    public async Task<Guid?> QueueAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        MailDraft draft,
        Recipient to,
        string dedupeKey,
        MailOrigin origin,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(origin);

        // Rendering costs more than asking; a mail already written is not rendered again.
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(Exists, new { DedupeKey = dedupeKey }, transaction, cancellationToken: ct)))
        {
            return null;
        }

        var rendered = templates.Render(draft);
        var now = clock.GetUtcNow();
        var id = await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            Insert,
            new
            {
                Id = Guid.CreateVersion7(now),
                DedupeKey = dedupeKey,
                to.UserId,
                RecipientEmail = to.Email,
                draft.Template,
                rendered.Languages,
                rendered.Subject,
                BodyText = rendered.Text,
                BodyHtml = rendered.Html,
                draft.Sensitive,
                Now = now.UtcDateTime,
                origin.EventId,
                origin.EventType,
            },
            transaction,
            cancellationToken: ct));
        if (id is not null)
        {
            metrics.Queued(draft.Template);
            CareForAll.BuildingBlocks.Database.PostgresWakeup.Signal(NotifyChannel);
        }

        return id;
    }
}
