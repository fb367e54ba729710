using CareForAll.Query.Features.Ledger.Record;

namespace CareForAll.Query.Features.Rebuild;

internal static class Data
{
    // The applier's table order, so the rebuild queues behind running batches and campaign events instead of
    // deadlocking with them; plain reads go on (they see the old figures until the rebuild commits).
    private const string LockTables = """
        LOCK TABLE query.pledge_ledger, query.campaign_donors, query.campaign_totals, query.user_statistics,
                   query.platform_donors, query.donation_hours, query.platform_statistics, query.donation_history,
                   query.totals_announcements
        IN EXCLUSIVE MODE
        """;

    // A row recorded before the rebuild started is in the snapshot (its change happened before the snapshot was
    // read), so it is dropped and reloaded; a row recorded since may be newer than the snapshot and stays.
    private const string DropLedger = "DELETE FROM query.pledge_ledger WHERE received_at < @StartedAt";

    private const string LoadLedger = """
        INSERT INTO query.pledge_ledger
            (pledge_id, kind, campaign_id, user_id, donor_key, donor_email, donor_name, is_anonymous, amount, currency,
             message, occurred_at, received_at)
        SELECT x.pledge_id, x.kind, x.campaign_id, x.user_id, x.donor_key, x.donor_email, x.donor_name, x.is_anonymous,
               x.amount, x.currency, x.message, x.occurred_at, @StartedAt
        FROM unnest(@PledgeIds::uuid[], @Kinds::text[], @CampaignIds::uuid[], @UserIds::uuid[], @DonorKeys::text[],
                    @DonorEmails::text[], @DonorNames::text[], @Anonymous::boolean[], @Amounts::numeric[],
                    @Currencies::text[], @Messages::text[], @OccurredAt::timestamptz[])
             AS x (pledge_id, kind, campaign_id, user_id, donor_key, donor_email, donor_name, is_anonymous, amount, currency,
                   message, occurred_at)
        ON CONFLICT (pledge_id, kind) DO NOTHING
        """;

    private const string Wipe = """
        UPDATE query.pledge_ledger SET applied_at = NULL WHERE applied_at IS NOT NULL;
        DELETE FROM query.campaign_donors;
        DELETE FROM query.platform_donors;
        DELETE FROM query.user_statistics;
        DELETE FROM query.donation_history;
        DELETE FROM query.donation_hours;
        UPDATE query.platform_statistics SET total_raised = 0, total_donations = 0, total_donors = 0, updated_at = @Now;
        UPDATE query.campaign_totals
        SET raised_amount = 0, donation_count = 0, donor_count = 0, last_donation_at = NULL,
            version = nextval('query.totals_version'), updated_at = @Now;
        """;

    // Every campaign is announced: each replica's copy is replaced, whether or not its figures moved.
    private const string AnnounceAll = """
        INSERT INTO query.totals_announcements AS a (campaign_id, version)
        SELECT campaign_id, version FROM query.campaign_totals
        ORDER BY campaign_id
        ON CONFLICT (campaign_id) DO UPDATE SET version = GREATEST(a.version, EXCLUDED.version)
        """;

    private const string Figures = """
        SELECT (SELECT count(*) FROM query.pledge_ledger)::int AS LedgerRows,
               (SELECT count(*) FROM query.campaign_totals)::int AS Campaigns,
               p.total_raised AS TotalRaised, p.total_donations AS TotalDonations, p.total_donors AS TotalDonors
        FROM query.platform_statistics AS p WHERE p.id = 1
        """;

    public static Task<DateTime> DatabaseNowAsync(NpgsqlDataSource database, CancellationToken ct) =>
        ExecuteScalarAsync(database, ct);

    private static async Task<DateTime> ExecuteScalarAsync(NpgsqlDataSource database, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<DateTime>(new CommandDefinition("SELECT clock_timestamp()", cancellationToken: ct));
    }

    public static Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(LockTables, transaction: transaction, cancellationToken: ct));

    public static Task<int> DropLedgerAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTime startedAt, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(DropLedger, new { StartedAt = startedAt }, transaction, cancellationToken: ct));

    public static Task<int> LoadLedgerAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<LedgerRow> rows, DateTime startedAt, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            LoadLedger,
            new
            {
                PledgeIds = rows.Select(r => r.PledgeId).ToArray(),
                Kinds = rows.Select(r => r.Kind).ToArray(),
                CampaignIds = rows.Select(r => r.CampaignId).ToArray(),
                UserIds = rows.Select(r => r.UserId).ToArray(),
                DonorKeys = rows.Select(r => r.DonorKey).ToArray(),
                DonorEmails = rows.Select(r => r.DonorEmail).ToArray(),
                DonorNames = rows.Select(r => r.DonorName).ToArray(),
                Anonymous = rows.Select(r => r.IsAnonymous).ToArray(),
                Amounts = rows.Select(r => r.Amount).ToArray(),
                Currencies = rows.Select(r => r.Currency).ToArray(),
                Messages = rows.Select(r => r.Message).ToArray(),
                OccurredAt = rows.Select(r => r.OccurredAt).ToArray(),
                StartedAt = startedAt,
            },
            transaction,
            cancellationToken: ct));

    public static Task WipeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(Wipe, new { Now = now.UtcDateTime }, transaction, cancellationToken: ct));

    public static Task AnnounceAllAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(AnnounceAll, transaction: transaction, cancellationToken: ct));

    public static Task<RebuiltFigures> FiguresAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) =>
        connection.QuerySingleAsync<RebuiltFigures>(new CommandDefinition(Figures, transaction: transaction, cancellationToken: ct));
}

/// <summary>A ledger row made from a snapshot.</summary>
internal sealed record LedgerRow(
    Guid PledgeId,
    string Kind,
    Guid CampaignId,
    Guid? UserId,
    string DonorKey,
    string DonorEmail,
    string? DonorName,
    bool IsAnonymous,
    decimal Amount,
    string Currency,
    string? Message,
    DateTime OccurredAt)
{
    /// <summary>
    /// The rows the pledge's events would have recorded: a completed pledge its completion; a refunded one that had
    /// completed its completion and its refund; anything else nothing.
    /// </summary>
    public static IEnumerable<LedgerRow> From(PledgeSnapshot pledge)
    {
        var status = pledge.Status?.Trim().ToLowerInvariant();
        var counted = status == LedgerKind.Completed || (status == LedgerKind.Refunded && pledge.WasCompleted);
        var asEvent = new PledgeEventData(
            pledge.PledgeId, pledge.CampaignId, pledge.UserId, pledge.DonorEmail, pledge.DonorName, pledge.IsAnonymous,
            pledge.Amount, pledge.Currency, pledge.Status, pledge.PreviousStatus, pledge.Message, pledge.OccurredAt);
        if (!counted || PledgeEventCheck.ProblemWith(asEvent) is not null)
        {
            yield break;
        }

        var donatedAt = (pledge.CompletedAt ?? pledge.OccurredAt ?? DateTimeOffset.UnixEpoch).UtcDateTime;
        var userId = pledge.UserId is { } id && id != Guid.Empty ? id : (Guid?)null;
        var row = new LedgerRow(
            pledge.PledgeId, LedgerKind.Completed, pledge.CampaignId, userId, PledgeEventCheck.DonorKey(asEvent),
            PledgeEventCheck.NormalizedEmail(asEvent), pledge.IsAnonymous ? null : pledge.DonorName?.Trim(), pledge.IsAnonymous,
            pledge.Amount, pledge.Currency ?? QueryRules.Currency, pledge.Message, donatedAt);
        yield return row;
        if (status == LedgerKind.Refunded)
        {
            yield return row with { Kind = LedgerKind.Refunded, OccurredAt = (pledge.OccurredAt?.UtcDateTime ?? donatedAt) };
        }
    }
}

/// <summary>The figures a rebuild ends with.</summary>
internal sealed class RebuiltFigures
{
    public int LedgerRows { get; init; }

    public int Campaigns { get; init; }

    public decimal TotalRaised { get; init; }

    public int TotalDonations { get; init; }

    public int TotalDonors { get; init; }
}
