using CareForAll.BuildingBlocks.Database;

namespace CareForAll.Query.Features.Campaigns.Track;

internal static class Data
{
    // Only a newer campaign version replaces what is kept, so a late event never brings back an older title or
    // status. The read-model version moves only when something a reader sees changed (campaigns announces every
    // applied donation batch as campaign.updated, which changes nothing shown here). The history rows follow a new
    // title; the change is announced to every replica and the applier woken to publish it.
    private const string Apply = """
        WITH v AS (
            SELECT nextval('query.totals_version') AS version
        ), upserted AS (
            INSERT INTO query.campaign_totals AS t
                (campaign_id, title, campaign_type, goal_amount, currency, status, organizer_id, start_date, end_date,
                 goal_reached_at, campaign_version, created_at, version, updated_at)
            SELECT @CampaignId, @Title, @CampaignType, @GoalAmount, @Currency, @Status, @OrganizerId, @StartDate, @EndDate,
                   @GoalReachedAt, @CampaignVersion, @CreatedAt, v.version, @Now
            FROM v
            ON CONFLICT (campaign_id) DO UPDATE SET
                title = EXCLUDED.title,
                campaign_type = EXCLUDED.campaign_type,
                goal_amount = EXCLUDED.goal_amount,
                currency = EXCLUDED.currency,
                status = EXCLUDED.status,
                organizer_id = EXCLUDED.organizer_id,
                start_date = EXCLUDED.start_date,
                end_date = EXCLUDED.end_date,
                goal_reached_at = EXCLUDED.goal_reached_at,
                campaign_version = EXCLUDED.campaign_version,
                created_at = COALESCE(t.created_at, EXCLUDED.created_at),
                version = CASE WHEN (t.title, t.campaign_type, t.goal_amount, t.currency, t.status, t.organizer_id,
                                     t.start_date, t.end_date, t.goal_reached_at)
                                    IS DISTINCT FROM
                                    (EXCLUDED.title, EXCLUDED.campaign_type, EXCLUDED.goal_amount, EXCLUDED.currency,
                                     EXCLUDED.status, EXCLUDED.organizer_id, EXCLUDED.start_date, EXCLUDED.end_date,
                                     EXCLUDED.goal_reached_at)
                               THEN EXCLUDED.version ELSE t.version END,
                updated_at = CASE WHEN (t.title, t.campaign_type, t.goal_amount, t.currency, t.status, t.organizer_id,
                                        t.start_date, t.end_date, t.goal_reached_at)
                                       IS DISTINCT FROM
                                       (EXCLUDED.title, EXCLUDED.campaign_type, EXCLUDED.goal_amount, EXCLUDED.currency,
                                        EXCLUDED.status, EXCLUDED.organizer_id, EXCLUDED.start_date, EXCLUDED.end_date,
                                        EXCLUDED.goal_reached_at)
                                  THEN EXCLUDED.updated_at ELSE t.updated_at END
            WHERE t.campaign_version < EXCLUDED.campaign_version
            RETURNING t.campaign_id, t.title, t.version, t.version = (SELECT version FROM v) AS changed
        ), retitled AS (
            UPDATE query.donation_history AS h SET campaign_title = u.title
            FROM upserted AS u
            WHERE u.changed AND h.campaign_id = u.campaign_id AND h.campaign_title IS DISTINCT FROM u.title
            RETURNING 1
        ), announced AS (
            INSERT INTO query.totals_announcements AS a (campaign_id, version)
            SELECT campaign_id, version FROM upserted WHERE changed
            ON CONFLICT (campaign_id) DO UPDATE SET version = GREATEST(a.version, EXCLUDED.version)
            RETURNING 1
        )
        SELECT (SELECT count(*) FROM upserted)::int AS Applied,
               (SELECT count(*) FROM upserted WHERE changed)::int AS Changed,
               (SELECT count(*) FROM retitled) + (SELECT count(*) FROM announced) AS Effects
        """;

    public static async Task<TrackResult> ApplyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CampaignInfo info, DateTimeOffset now, CancellationToken ct)
    {
        var result = await connection.QuerySingleAsync<TrackResult>(new CommandDefinition(
            Apply,
            new
            {
                info.CampaignId,
                info.Title,
                info.CampaignType,
                info.GoalAmount,
                info.Currency,
                info.Status,
                info.OrganizerId,
                StartDate = info.StartDate?.UtcDateTime,
                EndDate = info.EndDate?.UtcDateTime,
                GoalReachedAt = info.GoalReachedAt?.UtcDateTime,
                info.CampaignVersion,
                CreatedAt = info.CreatedAt?.UtcDateTime,
                Now = now.UtcDateTime,
            },
            transaction,
            cancellationToken: ct));
        if (result.Changed > 0)
        {
            PostgresWakeup.Signal(Ledger.Record.Data.LedgerChannel);
        }

        return result;
    }
}
