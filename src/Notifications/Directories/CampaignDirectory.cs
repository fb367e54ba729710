namespace CareForAll.Notifications.Directories;

/// <summary>A campaign as notifications knows it (from campaign events).</summary>
internal sealed class CampaignEntry
{
    public Guid Id { get; init; }

    public string Title { get; init; } = "";

    public Guid OrganizerId { get; init; }

    public string Status { get; init; } = "";

    public decimal GoalAmount { get; init; }

    public decimal CurrentAmount { get; init; }

    public string Currency { get; init; } = "BDT";

    public DateTime? GoalReachedAt { get; init; }

    public long Version { get; init; }
}

/// <summary>The campaign directory: titles, organisers and figures the mails quote.</summary>
internal static class CampaignDirectory
{
    // Only a newer version replaces what is known, so a late event never brings back an older title or status.
    private const string Upsert = """
        INSERT INTO notifications.campaigns AS c
            (id, title, organizer_id, status, goal_amount, current_amount, currency, goal_reached_at, version, updated_at)
        VALUES (@Id, @Title, @OrganizerId, @Status, @GoalAmount, @CurrentAmount, @Currency, @GoalReachedAt, @Version, @Now)
        ON CONFLICT (id) DO UPDATE SET
            title = EXCLUDED.title,
            organizer_id = EXCLUDED.organizer_id,
            status = EXCLUDED.status,
            goal_amount = EXCLUDED.goal_amount,
            current_amount = EXCLUDED.current_amount,
            currency = EXCLUDED.currency,
            goal_reached_at = COALESCE(c.goal_reached_at, EXCLUDED.goal_reached_at),
            version = EXCLUDED.version,
            updated_at = EXCLUDED.updated_at
        WHERE c.version < EXCLUDED.version
        """;

    // Reaching the goal is a fact whatever the order: an older event that says so still sets it.
    private const string NoteGoalReached = """
        UPDATE notifications.campaigns SET goal_reached_at = @GoalReachedAt
        WHERE id = @Id AND goal_reached_at IS NULL
        """;

    private const string Select = """
        SELECT id AS Id, title AS Title, organizer_id AS OrganizerId, status AS Status, goal_amount AS GoalAmount,
               current_amount AS CurrentAmount, currency AS Currency, goal_reached_at AS GoalReachedAt, version AS Version
        FROM notifications.campaigns
        WHERE id = @Id
        """;

    /// <summary>Records the campaign at <paramref name="version"/>; false when a newer version was already known.</summary>
    public static async Task<bool> ApplyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CampaignEntry campaign, DateTimeOffset now, CancellationToken ct)
    {
        var applied = await connection.ExecuteAsync(new CommandDefinition(
            Upsert,
            new
            {
                campaign.Id,
                campaign.Title,
                campaign.OrganizerId,
                campaign.Status,
                campaign.GoalAmount,
                campaign.CurrentAmount,
                campaign.Currency,
                campaign.GoalReachedAt,
                campaign.Version,
                Now = now.UtcDateTime,
            },
            transaction,
            cancellationToken: ct)) > 0;
        if (!applied && campaign.GoalReachedAt is { } reached)
        {
            await connection.ExecuteAsync(new CommandDefinition(NoteGoalReached, new { campaign.Id, GoalReachedAt = reached }, transaction, cancellationToken: ct));
        }

        return applied;
    }

    public static Task<CampaignEntry?> FindAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid id, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<CampaignEntry>(new CommandDefinition(Select, new { Id = id }, transaction, cancellationToken: ct));
}
