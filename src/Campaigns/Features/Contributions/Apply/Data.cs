using CareForAll.Campaigns.Data;

namespace CareForAll.Campaigns.Features.Contributions.Apply;

/// <summary>One claimed contribution.</summary>
internal sealed record Contribution(Guid PledgeId, string Kind, Guid CampaignId, decimal Amount);

internal static class Data
{
    // Claims and marks in one statement; SKIP LOCKED lets another replica take the next rows meanwhile. Oldest
    // first, and a pledge's completion before its refund.
    private const string Claim = """
        UPDATE campaigns.campaign_contributions AS c
        SET applied_at = @Now
        FROM (
            SELECT pledge_id, kind
            FROM campaigns.campaign_contributions
            WHERE applied_at IS NULL
            ORDER BY received_at, pledge_id, kind
            LIMIT @BatchSize
            FOR UPDATE SKIP LOCKED
        ) AS claimed
        WHERE c.pledge_id = claimed.pledge_id AND c.kind = claimed.kind
        RETURNING c.pledge_id AS PledgeId, c.kind AS Kind, c.campaign_id AS CampaignId, c.amount AS Amount
        """;

    private const string Release = """
        UPDATE campaigns.campaign_contributions SET applied_at = NULL
        WHERE (pledge_id, kind) IN (SELECT * FROM unnest(@PledgeIds::uuid[], @Kinds::text[]))
        """;

    // Refused (no row) rather than failing the batch when a refund would take the total below zero: its
    // completion is then in a batch another replica has not committed yet.
    private const string AddToTotal = $"""
        UPDATE campaigns.campaigns
        SET current_amount = current_amount + @Delta, version = version + 1, updated_at = @Now
        WHERE id = @Id AND current_amount + @Delta >= 0
        RETURNING {CampaignSql.Columns}
        """;

    private const string Exists = """
        SELECT EXISTS (SELECT 1 FROM campaigns.campaigns WHERE id = @Id)
        """;

    // Once per campaign, whatever the redeliveries and replicas: only the batch that sets the marker emits the event.
    private const string MarkGoalReached = $"""
        UPDATE campaigns.campaigns
        SET goal_reached_at = @Now, version = version + 1, updated_at = @Now
        WHERE id = @Id AND goal_reached_at IS NULL AND current_amount >= goal_amount
        RETURNING {CampaignSql.Columns}
        """;

    public static async Task<IReadOnlyList<Contribution>> ClaimAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, int batchSize, DateTimeOffset now, CancellationToken ct) =>
        (await connection.QueryAsync<Contribution>(new CommandDefinition(
            Claim, new { BatchSize = batchSize, Now = now.UtcDateTime }, transaction, cancellationToken: ct))).AsList();

    /// <summary>Puts claimed rows back, unapplied, for a later batch.</summary>
    public static Task<int> ReleaseAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<Contribution> contributions, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            Release,
            new
            {
                PledgeIds = contributions.Select(c => c.PledgeId).ToArray(),
                Kinds = contributions.Select(c => c.Kind).ToArray(),
            },
            transaction,
            cancellationToken: ct));

    /// <summary>Adds <paramref name="delta"/> to the campaign's total; null when it does not exist or would go below zero.</summary>
    public static Task<CampaignRow?> AddToTotalAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid campaignId, decimal delta, DateTimeOffset now, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<CampaignRow>(new CommandDefinition(
            AddToTotal, new { Id = campaignId, Delta = delta, Now = now.UtcDateTime }, transaction, cancellationToken: ct));

    public static Task<bool> ExistsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid campaignId, CancellationToken ct) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(Exists, new { Id = campaignId }, transaction, cancellationToken: ct));

    /// <summary>Marks the goal reached; null when it was already marked (or is not reached).</summary>
    public static Task<CampaignRow?> MarkGoalReachedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid campaignId, DateTimeOffset now, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<CampaignRow>(new CommandDefinition(
            MarkGoalReached, new { Id = campaignId, Now = now.UtcDateTime }, transaction, cancellationToken: ct));
}
