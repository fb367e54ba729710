namespace CareForAll.Campaigns.Features.Contributions.Record;

/// <summary>What recording a pledge event did.</summary>
internal sealed record RecordResult
{
    /// <summary>Whether the campaign exists; nothing is recorded for one that does not.</summary>
    public bool Known { get; init; }

    /// <summary>Rows newly inserted; zero when the event was already counted.</summary>
    public int Recorded { get; init; }

    /// <summary>Notifications sent to the totals applier (one when anything was recorded).</summary>
    public int Woken { get; init; }
}

internal static class Data
{
    /// <summary>The totals applier's wake-up channel, signalled in process when a contribution is recorded.</summary>
    public const string ContributionsChannel = "careforall_contributions";

    // Only an insert: no shared row is touched, so donations to one campaign never queue behind each other.
    private const string RecordCompletion = """
        WITH campaign AS (
            SELECT id FROM campaigns.campaigns WHERE id = @CampaignId
        ), recorded AS (
            INSERT INTO campaigns.campaign_contributions (pledge_id, kind, campaign_id, amount, received_at)
            SELECT @PledgeId, 'completed', campaign.id, @Amount, @Now FROM campaign
            ON CONFLICT (pledge_id, kind) DO NOTHING
            RETURNING kind
        )
        SELECT EXISTS (SELECT 1 FROM campaign) AS Known,
               (SELECT count(*) FROM recorded)::int AS Recorded,
               LEAST((SELECT count(*) FROM recorded), 1)::int AS Woken
        """;

    // The completion is recorded too, in case its own event has not arrived yet: the pair nets to zero now, and
    // the late pledge.completed then finds its row and changes nothing. So the total never goes negative.
    private const string RecordRefund = """
        WITH campaign AS (
            SELECT id FROM campaigns.campaigns WHERE id = @CampaignId
        ), recorded AS (
            INSERT INTO campaigns.campaign_contributions (pledge_id, kind, campaign_id, amount, received_at)
            SELECT @PledgeId, entry.kind, campaign.id, entry.amount, @Now
            FROM campaign
            CROSS JOIN (VALUES ('completed', @Amount::numeric), ('refunded', -@Amount::numeric)) AS entry (kind, amount)
            ON CONFLICT (pledge_id, kind) DO NOTHING
            RETURNING kind
        )
        SELECT EXISTS (SELECT 1 FROM campaign) AS Known,
               (SELECT count(*) FROM recorded)::int AS Recorded,
               LEAST((SELECT count(*) FROM recorded), 1)::int AS Woken
        """;

    public static Task<RecordResult> RecordCompletionAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, PledgeEvent pledge, DateTimeOffset now, CancellationToken ct) =>
        RecordAsync(RecordCompletion, connection, transaction, pledge, now, ct);

    public static Task<RecordResult> RecordRefundAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, PledgeEvent pledge, DateTimeOffset now, CancellationToken ct) =>
        RecordAsync(RecordRefund, connection, transaction, pledge, now, ct);

    private static async Task<RecordResult> RecordAsync(
        string sql, NpgsqlConnection connection, NpgsqlTransaction transaction, PledgeEvent pledge, DateTimeOffset now, CancellationToken ct)
    {
        var result = await connection.QuerySingleAsync<RecordResult>(new CommandDefinition(
            sql,
            new
            {
                pledge.PledgeId,
                pledge.CampaignId,
                pledge.Amount,
                Now = now.UtcDateTime,
            },
            transaction,
            cancellationToken: ct));
        if (result.Recorded > 0)
        {
            CareForAll.BuildingBlocks.Database.PostgresWakeup.Signal(ContributionsChannel);
        }

        return result;
    }
}
