namespace CareForAll.Payments.Notifications;

/// <summary>The SQL of <c>payments.webhook_logs</c>.</summary>
internal static class WebhookLogs
{
    // The widths of the columns a notification's own (untrusted) values are stored in.
    public const int MaxTranIdLength = 64;

    public const int MaxAddressLength = 64;

    // Stored on its own, before anything else: the raw notification survives whatever happens next.
    private const string InsertSql = """
        INSERT INTO payments.webhook_logs
            (id, webhook_id, event_type, tran_id, source, remote_address, payload, signature_valid, created_at)
        VALUES (@Id, @WebhookId, @EventType, @TranId, @Source, @RemoteAddress, @Payload::jsonb, @SignatureValid, @Now)
        ON CONFLICT (webhook_id) DO NOTHING
        """;

    private const string FindSql = """
        SELECT id AS Id, processed AS Processed, signature_valid AS SignatureValid
        FROM payments.webhook_logs WHERE webhook_id = @WebhookId
        """;

    // Copies of one notification queue here while the first is processed; each then sees it processed.
    private const string LockSql = "SELECT processed FROM payments.webhook_logs WHERE id = @Id FOR UPDATE";

    private const string MarkProcessedSql = """
        UPDATE payments.webhook_logs
        SET processed = true, processed_at = @Now, payment_id = @PaymentId, signature_valid = @SignatureValid,
            error_message = @ErrorMessage
        WHERE id = @Id
        """;

    private const string NoteErrorSql = "UPDATE payments.webhook_logs SET error_message = @ErrorMessage WHERE id = @Id AND NOT processed";

    private const string CountDuplicateSql = "UPDATE payments.webhook_logs SET duplicate_count = duplicate_count + 1 WHERE id = @Id";

    public static async Task<WebhookLogEntry> RecordAsync(
        NpgsqlDataSource database, Notification notification, bool signatureValid, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var webhookId = signatureValid
            ? WebhookIds.For(notification.TranId, notification.Status, notification.ValId, notification.Signature)
            : WebhookIds.ForRefused(notification.TranId, notification.Status, notification.ValId, notification.Signature, notification.PayloadJson);
        await using var connection = await database.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            InsertSql,
            new
            {
                Id = Guid.CreateVersion7(now),
                WebhookId = webhookId,
                EventType = notification.Status.Length == 0 ? "UNKNOWN" : Truncate(notification.Status, 100),
                TranId = Truncate(notification.TranId, MaxTranIdLength),
                notification.Source,
                RemoteAddress = notification.RemoteAddress is { } address ? Truncate(address, MaxAddressLength) : null,
                Payload = notification.PayloadJson,
                SignatureValid = signatureValid,
                Now = now.UtcDateTime,
            },
            cancellationToken: ct));
        return await connection.QuerySingleAsync<WebhookLogEntry>(new CommandDefinition(FindSql, new { WebhookId = webhookId }, cancellationToken: ct));
    }

    /// <summary>Takes the log row's lock; true when another copy processed it meanwhile.</summary>
    public static Task<bool> LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, CancellationToken ct) =>
        connection.QuerySingleAsync<bool>(new CommandDefinition(LockSql, new { Id = id }, transaction, cancellationToken: ct));

    public static Task MarkProcessedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, Guid? paymentId, bool signatureValid, string? errorMessage,
        DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            MarkProcessedSql,
            new { Id = id, PaymentId = paymentId, SignatureValid = signatureValid, ErrorMessage = errorMessage, Now = now.UtcDateTime },
            transaction,
            cancellationToken: ct));

    /// <summary>Notes why a stored notification could not be processed yet (it stays unprocessed, for a retry).</summary>
    public static async Task NoteErrorAsync(NpgsqlDataSource database, Guid id, string errorMessage, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(NoteErrorSql, new { Id = id, ErrorMessage = errorMessage }, cancellationToken: ct));
    }

    public static async Task CountDuplicateAsync(NpgsqlDataSource database, Guid id, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(CountDuplicateSql, new { Id = id }, cancellationToken: ct));
    }

    public static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
