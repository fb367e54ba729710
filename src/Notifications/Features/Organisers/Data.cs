namespace CareForAll.Notifications.Features.Organisers;

internal static class Data
{
    private const string Wait = """
        INSERT INTO notifications.waiting_mails
            (dedupe_key, template, campaign_id, recipient_user_id, event_id, event_type, facts, created_at)
        VALUES (@DedupeKey, @Template, @CampaignId, @OrganizerId, @EventId, @EventType, @Facts::jsonb, @Now)
        ON CONFLICT (dedupe_key) DO UPDATE SET recipient_user_id = COALESCE(EXCLUDED.recipient_user_id, waiting_mails.recipient_user_id)
        """;

    private const string Forget = "DELETE FROM notifications.waiting_mails WHERE dedupe_key = @DedupeKey";

    // Locked, so two events releasing one mail at once (its campaign's and its organiser's) write it once.
    private const string ForCampaign = """
        SELECT dedupe_key AS DedupeKey, template AS Template, campaign_id AS CampaignId, recipient_user_id AS OrganizerId,
               event_id AS EventId, event_type AS EventType, facts::text AS Facts
        FROM notifications.waiting_mails
        WHERE campaign_id = @Id
        ORDER BY created_at
        FOR UPDATE
        """;

    private const string UsersForCampaign = """
        SELECT DISTINCT recipient_user_id FROM notifications.waiting_mails
        WHERE campaign_id = @Id AND recipient_user_id IS NOT NULL
        """;

    private const string ForUser = """
        SELECT dedupe_key AS DedupeKey, template AS Template, campaign_id AS CampaignId, recipient_user_id AS OrganizerId,
               event_id AS EventId, event_type AS EventType, facts::text AS Facts
        FROM notifications.waiting_mails
        WHERE recipient_user_id = @Id
        ORDER BY created_at
        FOR UPDATE
        """;

    public static Task WaitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, OrganiserIntent intent, DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            Wait,
            new
            {
                intent.DedupeKey,
                intent.Template,
                intent.CampaignId,
                intent.OrganizerId,
                intent.EventId,
                intent.EventType,
                Facts = intent.Facts.GetRawText(),
                Now = now.UtcDateTime,
            },
            transaction,
            cancellationToken: ct));

    public static Task ForgetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string dedupeKey, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(Forget, new { DedupeKey = dedupeKey }, transaction, cancellationToken: ct));

    public static Task<IReadOnlyList<OrganiserIntent>> WaitingForCampaignAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid campaignId, CancellationToken ct) =>
        ReadAsync(connection, transaction, ForCampaign, campaignId, ct);

    /// <summary>The organisers whose mail about the campaign waits for their address.</summary>
    public static async Task<IReadOnlyList<Guid>> UsersWaitedForAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid campaignId, CancellationToken ct) =>
        [.. await connection.QueryAsync<Guid>(new CommandDefinition(UsersForCampaign, new { Id = campaignId }, transaction, cancellationToken: ct))];

    public static Task<IReadOnlyList<OrganiserIntent>> WaitingForUserAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid userId, CancellationToken ct) =>
        ReadAsync(connection, transaction, ForUser, userId, ct);

    private static async Task<IReadOnlyList<OrganiserIntent>> ReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, Guid id, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<WaitingRow>(new CommandDefinition(sql, new { Id = id }, transaction, cancellationToken: ct));
        return [.. rows.Select(r => new OrganiserIntent(r.Template, r.DedupeKey, r.CampaignId, r.OrganizerId, r.EventId, r.EventType,
            System.Text.Json.JsonDocument.Parse(r.Facts).RootElement.Clone()))];
    }

    private sealed class WaitingRow
    {
        public string DedupeKey { get; init; } = "";

        public string Template { get; init; } = "";

        public Guid CampaignId { get; init; }

        public Guid? OrganizerId { get; init; }

        public Guid EventId { get; init; }

        public string EventType { get; init; } = "";

        public string Facts { get; init; } = "{}";
    }
}
