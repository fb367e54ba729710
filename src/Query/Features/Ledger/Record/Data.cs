namespace CareForAll.Query.Features.Ledger.Record;

internal static class Data
{
    /// <summary>The channel the read model applier LISTENs on; delivered when the recording transaction commits.</summary>
    public const string LedgerChannel = "careforall_query_ledger";

    // Only an insert: no shared row is touched, so donations to one campaign never queue behind each other here.
    private const string RecordCompletion = """
        WITH recorded AS (
            INSERT INTO query.pledge_ledger
                (pledge_id, kind, campaign_id, user_id, donor_key, donor_email, donor_name, is_anonymous, amount, currency,
                 message, occurred_at)
            VALUES (@PledgeId, 'completed', @CampaignId, @UserId, @DonorKey, @DonorEmail, @DonorName, @IsAnonymous, @Amount,
                    @Currency, @Message, @OccurredAt)
            ON CONFLICT (pledge_id, kind) DO NOTHING
            RETURNING kind
        )
        SELECT (SELECT count(*) FROM recorded)::int AS Recorded, LEAST((SELECT count(*) FROM recorded), 1)::int AS Woken
        """;

    // The completion is recorded too, in case its own event has not arrived yet: the pair nets to zero now, and the
    // late pledge.completed then finds its row and changes nothing. So no figure ever goes negative.
    private const string RecordRefund = """
        WITH recorded AS (
            INSERT INTO query.pledge_ledger
                (pledge_id, kind, campaign_id, user_id, donor_key, donor_email, donor_name, is_anonymous, amount, currency,
                 message, occurred_at)
            SELECT @PledgeId, entry.kind, @CampaignId, @UserId, @DonorKey, @DonorEmail, @DonorName, @IsAnonymous, @Amount,
                   @Currency, @Message, @OccurredAt
            FROM (VALUES ('completed'), ('refunded')) AS entry (kind)
            ORDER BY entry.kind
            ON CONFLICT (pledge_id, kind) DO NOTHING
            RETURNING kind
        )
        SELECT (SELECT count(*) FROM recorded)::int AS Recorded, LEAST((SELECT count(*) FROM recorded), 1)::int AS Woken
        """;

    public static Task<RecordResult> RecordCompletionAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, PledgeEventData pledge, DateTimeOffset occurredAt, CancellationToken ct) =>
        RecordAsync(RecordCompletion, connection, transaction, pledge, occurredAt, ct);

    public static Task<RecordResult> RecordRefundAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, PledgeEventData pledge, DateTimeOffset occurredAt, CancellationToken ct) =>
        RecordAsync(RecordRefund, connection, transaction, pledge, occurredAt, ct);

    private static async Task<RecordResult> RecordAsync(
        string sql, NpgsqlConnection connection, NpgsqlTransaction transaction, PledgeEventData pledge, DateTimeOffset occurredAt, CancellationToken ct)
    {
        var result = await connection.QuerySingleAsync<RecordResult>(new CommandDefinition(
            sql,
            new
            {
                pledge.PledgeId,
                pledge.CampaignId,
                UserId = pledge.UserId is { } id && id != Guid.Empty ? id : (Guid?)null,
                DonorKey = PledgeEventCheck.DonorKey(pledge),
                DonorEmail = PledgeEventCheck.NormalizedEmail(pledge),
                DonorName = pledge.IsAnonymous ? null : pledge.DonorName?.Trim(),
                pledge.IsAnonymous,
                pledge.Amount,
                Currency = pledge.Currency ?? QueryRules.Currency,
                pledge.Message,
                OccurredAt = occurredAt.UtcDateTime,
            },
            transaction,
            cancellationToken: ct));
        if (result.Recorded > 0)
        {
            CareForAll.BuildingBlocks.Database.PostgresWakeup.Signal(LedgerChannel);
        }

        return result;
    }
}

/// <summary>What recording a pledge event did.</summary>
internal sealed record RecordResult
{
    /// <summary>Rows newly inserted; zero when the event was already counted.</summary>
    public int Recorded { get; init; }

    /// <summary>Notifications sent to the applier (one when anything was recorded).</summary>
    public int Woken { get; init; }
}
