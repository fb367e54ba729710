using CareForAll.Campaigns.Data;

namespace CareForAll.Campaigns.Features.Closing;

internal static class Data
{
    // SKIP LOCKED: another replica's run, an edit or a totals batch holding a campaign is passed over, never waited
    // for (so the job cannot deadlock with them); a skipped campaign is closed by a later run.
    private const string ClaimEnded = """
        SELECT id
        FROM campaigns.campaigns
        WHERE status = 'active' AND end_date <= @Now
        ORDER BY end_date, id
        LIMIT @BatchSize
        FOR UPDATE SKIP LOCKED
        """;

    // A separate statement, so it reads what committed after the rows were locked. Money already recorded but not
    // yet added by the totals applier counts too: a campaign that reached its goal completes, whatever the lag.
    private const string Close = $"""
        WITH closed AS (
            UPDATE campaigns.campaigns AS c
            SET status = CASE
                    WHEN c.current_amount + COALESCE((
                        SELECT sum(cc.amount) FROM campaigns.campaign_contributions cc
                        WHERE cc.campaign_id = c.id AND cc.applied_at IS NULL), 0) >= c.goal_amount
                    THEN 'completed' ELSE 'expired' END,
                closed_at = @Now, updated_at = @Now, version = c.version + 1
            WHERE c.id = ANY(@Ids) AND c.status = 'active'
            RETURNING c.*
        ), history AS (
            INSERT INTO campaigns.campaign_status_history (campaign_id, from_status, to_status, reason, changed_at)
            SELECT id, 'active', status, @Reason, @Now FROM closed
        )
        SELECT {CampaignSql.Columns} FROM closed
        """;

    public static async Task<Guid[]> ClaimEndedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now, int batchSize, CancellationToken ct) =>
        [.. await connection.QueryAsync<Guid>(new CommandDefinition(
            ClaimEnded, new { Now = now.UtcDateTime, BatchSize = batchSize }, transaction, cancellationToken: ct))];

    public static async Task<IReadOnlyList<CampaignRow>> CloseAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid[] ids, string reason, DateTimeOffset now, CancellationToken ct) =>
        (await connection.QueryAsync<CampaignRow>(new CommandDefinition(
            Close, new { Ids = ids, Reason = reason, Now = now.UtcDateTime }, transaction, cancellationToken: ct))).AsList();
}
