namespace CareForAll.Query.Features.Ledger.Apply;

/// <summary>
/// The applier's SQL. Every statement of a batch touches its rows in key order, and the statements always run in the
/// same order (donors, totals, users, platform donors, hours, platform, history, announcements), so two replicas'
/// batches queue behind each other on a shared row instead of deadlocking.
/// </summary>
internal static class Data
{
    // SKIP LOCKED lets another replica take the next rows meanwhile. Oldest first, and a pledge's completion before
    // its refund. For a refund, its completion's row says when the donation was made and whether it is counted yet.
    private const string Claim = """
        SELECT l.pledge_id AS PledgeId, l.kind AS Kind, l.campaign_id AS CampaignId, l.user_id AS UserId,
               l.donor_key AS DonorKey, l.donor_email AS DonorEmail, l.donor_name AS DonorName,
               l.is_anonymous AS IsAnonymous, l.amount AS Amount, l.currency AS Currency, l.message AS Message,
               l.occurred_at AS OccurredAt, l.received_at AS ReceivedAt,
               c.pledge_id IS NOT NULL AS CompletionExists, c.applied_at IS NOT NULL AS CompletionApplied,
               c.occurred_at AS CompletionOccurredAt
        FROM query.pledge_ledger AS l
        LEFT JOIN query.pledge_ledger AS c
            ON l.kind = 'refunded' AND c.pledge_id = l.pledge_id AND c.kind = 'completed'
        WHERE l.applied_at IS NULL
        ORDER BY l.received_at, l.pledge_id, l.kind
        LIMIT @BatchSize
        FOR UPDATE OF l SKIP LOCKED
        """;

    // Each table is moved in three steps: lock the rows that exist, in key order; add to them; insert the rest in key
    // order. A new row never starts below zero (a refund is applied only after its completion), while an upsert's
    // proposed row would be checked against the constraints before it met its conflict.
    private const string LockCampaignDonors = """
        SELECT d.campaign_id AS CampaignId, d.donor_key AS DonorKey, d.donations AS Donations
        FROM query.campaign_donors AS d
        JOIN unnest(@CampaignIds::uuid[], @DonorKeys::text[]) AS x (campaign_id, donor_key)
            ON x.campaign_id = d.campaign_id AND x.donor_key = d.donor_key
        ORDER BY d.campaign_id, d.donor_key
        FOR UPDATE OF d
        """;

    private const string AddCampaignDonors = """
        UPDATE query.campaign_donors AS d SET donations = d.donations + x.delta
        FROM unnest(@CampaignIds::uuid[], @DonorKeys::text[], @Deltas::int[]) AS x (campaign_id, donor_key, delta)
        WHERE d.campaign_id = x.campaign_id AND d.donor_key = x.donor_key
        """;

    private const string InsertCampaignDonors = """
        INSERT INTO query.campaign_donors AS d (campaign_id, donor_key, donations)
        SELECT x.campaign_id, x.donor_key, x.delta
        FROM unnest(@CampaignIds::uuid[], @DonorKeys::text[], @Deltas::int[]) AS x (campaign_id, donor_key, delta)
        ORDER BY x.campaign_id, x.donor_key
        ON CONFLICT (campaign_id, donor_key) DO UPDATE SET donations = d.donations + EXCLUDED.donations
        RETURNING d.campaign_id AS CampaignId, d.donor_key AS DonorKey, d.donations AS Donations
        """;

    private const string LockCampaignTotals = """
        SELECT campaign_id FROM query.campaign_totals WHERE campaign_id = ANY(@CampaignIds)
        ORDER BY campaign_id
        FOR UPDATE
        """;

    private const string AddCampaignTotals = """
        UPDATE query.campaign_totals AS t SET
            raised_amount = t.raised_amount + x.raised,
            donation_count = t.donation_count + x.donations,
            donor_count = t.donor_count + x.donors,
            last_donation_at = GREATEST(t.last_donation_at, x.last_donation_at),
            version = nextval('query.totals_version'),
            updated_at = @Now
        FROM unnest(@CampaignIds::uuid[], @Raised::numeric[], @Donations::int[], @Donors::int[], @LastDonationAt::timestamptz[])
             AS x (campaign_id, raised, donations, donors, last_donation_at)
        WHERE t.campaign_id = x.campaign_id
        RETURNING t.campaign_id AS CampaignId, t.title AS Title, t.version AS Version
        """;

    // A row may not exist yet (the campaign's first event is still on its way): it is created without campaign info.
    private const string InsertCampaignTotals = """
        INSERT INTO query.campaign_totals AS t
            (campaign_id, currency, raised_amount, donation_count, donor_count, last_donation_at, version, updated_at)
        SELECT x.campaign_id, x.currency, x.raised, x.donations, x.donors, x.last_donation_at,
               nextval('query.totals_version'), @Now
        FROM unnest(@CampaignIds::uuid[], @Currencies::text[], @Raised::numeric[], @Donations::int[], @Donors::int[],
                    @LastDonationAt::timestamptz[]) AS x (campaign_id, currency, raised, donations, donors, last_donation_at)
        ORDER BY x.campaign_id
        ON CONFLICT (campaign_id) DO UPDATE SET
            raised_amount = t.raised_amount + EXCLUDED.raised_amount,
            donation_count = t.donation_count + EXCLUDED.donation_count,
            donor_count = t.donor_count + EXCLUDED.donor_count,
            last_donation_at = GREATEST(t.last_donation_at, EXCLUDED.last_donation_at),
            version = EXCLUDED.version,
            updated_at = EXCLUDED.updated_at
        RETURNING t.campaign_id AS CampaignId, t.title AS Title, t.version AS Version
        """;

    private const string LockUserStatistics = """
        SELECT user_id FROM query.user_statistics WHERE user_id = ANY(@UserIds) ORDER BY user_id FOR UPDATE
        """;

    private const string AddUserStatistics = """
        UPDATE query.user_statistics AS u SET
            total_donated = u.total_donated + x.total,
            donation_count = u.donation_count + x.donations,
            campaigns_supported = u.campaigns_supported + x.campaigns,
            first_donation_at = LEAST(u.first_donation_at, x.first_at),
            last_donation_at = GREATEST(u.last_donation_at, x.last_at),
            updated_at = @Now
        FROM unnest(@UserIds::uuid[], @Totals::numeric[], @Donations::int[], @Campaigns::int[],
                    @FirstAt::timestamptz[], @LastAt::timestamptz[]) AS x (user_id, total, donations, campaigns, first_at, last_at)
        WHERE u.user_id = x.user_id
        """;

    private const string InsertUserStatistics = """
        INSERT INTO query.user_statistics AS u
            (user_id, total_donated, donation_count, campaigns_supported, first_donation_at, last_donation_at, updated_at)
        SELECT x.user_id, x.total, x.donations, x.campaigns, x.first_at, x.last_at, @Now
        FROM unnest(@UserIds::uuid[], @Totals::numeric[], @Donations::int[], @Campaigns::int[],
                    @FirstAt::timestamptz[], @LastAt::timestamptz[]) AS x (user_id, total, donations, campaigns, first_at, last_at)
        ORDER BY x.user_id
        ON CONFLICT (user_id) DO UPDATE SET
            total_donated = u.total_donated + EXCLUDED.total_donated,
            donation_count = u.donation_count + EXCLUDED.donation_count,
            campaigns_supported = u.campaigns_supported + EXCLUDED.campaigns_supported,
            first_donation_at = LEAST(u.first_donation_at, EXCLUDED.first_donation_at),
            last_donation_at = GREATEST(u.last_donation_at, EXCLUDED.last_donation_at),
            updated_at = EXCLUDED.updated_at
        """;

    private const string LockPlatformDonors = """
        SELECT donor_key AS DonorKey, donations AS Donations FROM query.platform_donors
        WHERE donor_key = ANY(@DonorKeys) ORDER BY donor_key FOR UPDATE
        """;

    private const string AddPlatformDonors = """
        UPDATE query.platform_donors AS p SET donations = p.donations + x.delta
        FROM unnest(@DonorKeys::text[], @Deltas::int[]) AS x (donor_key, delta)
        WHERE p.donor_key = x.donor_key
        """;

    private const string InsertPlatformDonors = """
        INSERT INTO query.platform_donors AS p (donor_key, donations)
        SELECT x.donor_key, x.delta
        FROM unnest(@DonorKeys::text[], @Deltas::int[]) AS x (donor_key, delta)
        ORDER BY x.donor_key
        ON CONFLICT (donor_key) DO UPDATE SET donations = p.donations + EXCLUDED.donations
        RETURNING p.donor_key AS DonorKey, p.donations AS Donations
        """;

    private const string LockHours = """
        SELECT hour FROM query.donation_hours WHERE hour = ANY(@Hours) ORDER BY hour FOR UPDATE
        """;

    private const string AddHours = """
        UPDATE query.donation_hours AS h SET donations = h.donations + x.donations, amount = h.amount + x.amount
        FROM unnest(@Hours::timestamptz[], @Donations::int[], @Amounts::numeric[]) AS x (hour, donations, amount)
        WHERE h.hour = x.hour
        """;

    private const string InsertHours = """
        INSERT INTO query.donation_hours AS h (hour, donations, amount)
        SELECT x.hour, x.donations, x.amount
        FROM unnest(@Hours::timestamptz[], @Donations::int[], @Amounts::numeric[]) AS x (hour, donations, amount)
        ORDER BY x.hour
        ON CONFLICT (hour) DO UPDATE SET donations = h.donations + EXCLUDED.donations, amount = h.amount + EXCLUDED.amount
        """;

    private const string UpdatePlatform = """
        UPDATE query.platform_statistics
        SET total_raised = total_raised + @Raised,
            total_donations = total_donations + @Donations,
            total_donors = total_donors + @Donors,
            updated_at = @Now
        WHERE id = 1
        """;

    // A completion and its refund in one batch insert the row and mark it refunded in the next statement.
    private const string InsertHistory = """
        INSERT INTO query.donation_history
            (pledge_id, campaign_id, campaign_title, donor_id, donor_name, donor_email, amount, currency, is_anonymous,
             message, status, donated_at)
        SELECT x.pledge_id, x.campaign_id, t.title, x.donor_id, x.donor_name, x.donor_email, x.amount, x.currency,
               x.is_anonymous, x.message, 'completed', x.donated_at
        FROM unnest(@PledgeIds::uuid[], @CampaignIds::uuid[], @DonorIds::uuid[], @DonorNames::text[], @DonorEmails::text[],
                    @Amounts::numeric[], @Currencies::text[], @Anonymous::boolean[], @Messages::text[], @DonatedAt::timestamptz[])
             AS x (pledge_id, campaign_id, donor_id, donor_name, donor_email, amount, currency, is_anonymous, message, donated_at)
        LEFT JOIN query.campaign_totals AS t ON t.campaign_id = x.campaign_id
        ORDER BY x.pledge_id
        ON CONFLICT (pledge_id) DO NOTHING
        """;

    private const string MarkRefunded = """
        UPDATE query.donation_history AS h
        SET status = 'refunded', refunded_at = x.refunded_at
        FROM unnest(@PledgeIds::uuid[], @RefundedAt::timestamptz[]) AS x (pledge_id, refunded_at)
        WHERE h.pledge_id = x.pledge_id
        """;

    private const string MarkApplied = """
        UPDATE query.pledge_ledger SET applied_at = now()
        WHERE (pledge_id, kind) IN (SELECT * FROM unnest(@PledgeIds::uuid[], @Kinds::text[]))
        """;

    /// <summary>Announces campaigns' new totals; waits for an announcer still publishing an older one.</summary>
    public const string UpsertAnnouncements = """
        INSERT INTO query.totals_announcements AS a (campaign_id, version)
        SELECT x.campaign_id, x.version
        FROM unnest(@CampaignIds::uuid[], @Versions::bigint[]) AS x (campaign_id, version)
        ORDER BY x.campaign_id
        ON CONFLICT (campaign_id) DO UPDATE SET version = GREATEST(a.version, EXCLUDED.version)
        """;

    public static async Task<IReadOnlyList<LedgerEntry>> ClaimAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, int batchSize, CancellationToken ct) =>
        (await connection.QueryAsync<LedgerEntry>(new CommandDefinition(
            Claim, new { BatchSize = batchSize }, transaction, cancellationToken: ct))).AsList();

    /// <summary>Adds to each donor's standing donations; returns each one's count before the change (0 when new).</summary>
    public static async Task<IReadOnlyList<DonorCount>> UpsertCampaignDonorsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<(Guid Campaign, string Donor, int Delta)> deltas, CancellationToken ct)
    {
        var existing = (await connection.QueryAsync<DonorCount>(new CommandDefinition(
            LockCampaignDonors,
            new { CampaignIds = deltas.Select(d => d.Campaign).ToArray(), DonorKeys = deltas.Select(d => d.Donor).ToArray() },
            transaction,
            cancellationToken: ct))).AsList();
        var found = existing.Select(e => (e.CampaignId, e.DonorKey)).ToHashSet();
        var (old, fresh) = Split(deltas, d => found.Contains((d.Campaign, d.Donor)));
        if (old.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(AddCampaignDonors, DonorParameters(old), transaction, cancellationToken: ct));
        }

        if (fresh.Count > 0)
        {
            // Usually new (before: 0); inserted meanwhile by another replica, it was added to: before = after - delta.
            var deltaOf = fresh.ToDictionary(d => (d.Campaign, d.Donor), d => d.Delta);
            existing.AddRange((await connection.QueryAsync<DonorCount>(new CommandDefinition(
                    InsertCampaignDonors, DonorParameters(fresh), transaction, cancellationToken: ct)))
                .Select(after => after with { Donations = after.Donations - deltaOf[(after.CampaignId, after.DonorKey)] }));
        }

        return existing;
    }

    public static async Task<IReadOnlyList<ChangedCampaign>> UpsertCampaignTotalsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<CampaignDelta> deltas, DateTimeOffset now, CancellationToken ct)
    {
        var found = (await connection.QueryAsync<Guid>(new CommandDefinition(
            LockCampaignTotals, new { CampaignIds = deltas.Select(d => d.CampaignId).ToArray() }, transaction, cancellationToken: ct))).ToHashSet();
        var (old, fresh) = Split(deltas, d => found.Contains(d.CampaignId));
        var changed = new List<ChangedCampaign>(deltas.Count);
        foreach (var (sql, part) in new[] { (AddCampaignTotals, old), (InsertCampaignTotals, fresh) })
        {
            if (part.Count > 0)
            {
                changed.AddRange(await connection.QueryAsync<ChangedCampaign>(new CommandDefinition(
                    sql,
                    new
                    {
                        CampaignIds = part.Select(d => d.CampaignId).ToArray(),
                        Currencies = part.Select(d => d.Currency).ToArray(),
                        Raised = part.Select(d => d.Raised).ToArray(),
                        Donations = part.Select(d => d.Donations).ToArray(),
                        Donors = part.Select(d => d.Donors).ToArray(),
                        LastDonationAt = part.Select(d => d.LastDonationAt).ToArray(),
                        Now = now.UtcDateTime,
                    },
                    transaction,
                    cancellationToken: ct)));
            }
        }

        return changed;
    }

    public static async Task UpsertUserStatisticsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<UserDelta> deltas, DateTimeOffset now, CancellationToken ct)
    {
        var found = (await connection.QueryAsync<Guid>(new CommandDefinition(
            LockUserStatistics, new { UserIds = deltas.Select(d => d.UserId).ToArray() }, transaction, cancellationToken: ct))).ToHashSet();
        var (old, fresh) = Split(deltas, d => found.Contains(d.UserId));
        foreach (var (sql, part) in new[] { (AddUserStatistics, old), (InsertUserStatistics, fresh) })
        {
            if (part.Count > 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    sql,
                    new
                    {
                        UserIds = part.Select(d => d.UserId).ToArray(),
                        Totals = part.Select(d => d.Total).ToArray(),
                        Donations = part.Select(d => d.Donations).ToArray(),
                        Campaigns = part.Select(d => d.Campaigns).ToArray(),
                        FirstAt = part.Select(d => d.FirstAt).ToArray(),
                        LastAt = part.Select(d => d.LastAt).ToArray(),
                        Now = now.UtcDateTime,
                    },
                    transaction,
                    cancellationToken: ct));
            }
        }
    }

    /// <summary>Adds to each donor's standing donations platform-wide; returns each one's count before the change.</summary>
    public static async Task<IReadOnlyList<PlatformDonorCount>> UpsertPlatformDonorsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<(string Donor, int Delta)> deltas, CancellationToken ct)
    {
        var existing = (await connection.QueryAsync<PlatformDonorCount>(new CommandDefinition(
            LockPlatformDonors, new { DonorKeys = deltas.Select(d => d.Donor).ToArray() }, transaction, cancellationToken: ct))).AsList();
        var found = existing.Select(e => e.DonorKey).ToHashSet(StringComparer.Ordinal);
        var (old, fresh) = Split(deltas, d => found.Contains(d.Donor));
        foreach (var (sql, part) in new[] { (AddPlatformDonors, old), (InsertPlatformDonors, fresh) })
        {
            if (part.Count == 0)
            {
                continue;
            }

            var parameters = new { DonorKeys = part.Select(d => d.Donor).ToArray(), Deltas = part.Select(d => d.Delta).ToArray() };
            if (ReferenceEquals(sql, InsertPlatformDonors))
            {
                var deltaOf = part.ToDictionary(d => d.Donor, d => d.Delta, StringComparer.Ordinal);
                existing.AddRange((await connection.QueryAsync<PlatformDonorCount>(new CommandDefinition(sql, parameters, transaction, cancellationToken: ct)))
                    .Select(after => after with { Donations = after.Donations - deltaOf[after.DonorKey] }));
            }
            else
            {
                await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: ct));
            }
        }

        return existing;
    }

    public static async Task UpsertHoursAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<(DateTime Hour, int Donations, decimal Amount)> deltas, CancellationToken ct)
    {
        var found = (await connection.QueryAsync<DateTime>(new CommandDefinition(
            LockHours, new { Hours = deltas.Select(d => d.Hour).ToArray() }, transaction, cancellationToken: ct)))
            .Select(h => DateTime.SpecifyKind(h, DateTimeKind.Utc)).ToHashSet();
        var (old, fresh) = Split(deltas, d => found.Contains(d.Hour));
        foreach (var (sql, part) in new[] { (AddHours, old), (InsertHours, fresh) })
        {
            if (part.Count > 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    sql,
                    new
                    {
                        Hours = part.Select(d => d.Hour).ToArray(),
                        Donations = part.Select(d => d.Donations).ToArray(),
                        Amounts = part.Select(d => d.Amount).ToArray(),
                    },
                    transaction,
                    cancellationToken: ct));
            }
        }
    }

    private static object DonorParameters(List<(Guid Campaign, string Donor, int Delta)> deltas) => new
    {
        CampaignIds = deltas.Select(d => d.Campaign).ToArray(),
        DonorKeys = deltas.Select(d => d.Donor).ToArray(),
        Deltas = deltas.Select(d => d.Delta).ToArray(),
    };

    private static (List<T> Existing, List<T> New) Split<T>(IReadOnlyList<T> items, Func<T, bool> exists)
    {
        List<T> existing = [], fresh = [];
        foreach (var item in items)
        {
            (exists(item) ? existing : fresh).Add(item);
        }

        return (existing, fresh);
    }

    public static Task<int> UpdatePlatformAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, decimal raised, int donations, int donors, DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            UpdatePlatform,
            new { Raised = raised, Donations = donations, Donors = donors, Now = now.UtcDateTime },
            transaction,
            cancellationToken: ct));

    public static Task<int> InsertHistoryAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<LedgerEntry> completions, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            InsertHistory,
            new
            {
                PledgeIds = completions.Select(e => e.PledgeId).ToArray(),
                CampaignIds = completions.Select(e => e.CampaignId).ToArray(),
                DonorIds = completions.Select(e => e.UserId).ToArray(),
                DonorNames = completions.Select(e => e.IsAnonymous ? null : e.DonorName).ToArray(),
                DonorEmails = completions.Select(e => e.DonorEmail).ToArray(),
                Amounts = completions.Select(e => e.Amount).ToArray(),
                Currencies = completions.Select(e => e.Currency).ToArray(),
                Anonymous = completions.Select(e => e.IsAnonymous).ToArray(),
                Messages = completions.Select(e => e.Message).ToArray(),
                DonatedAt = completions.Select(e => e.OccurredAt).ToArray(),
            },
            transaction,
            cancellationToken: ct));

    public static Task<int> MarkRefundedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<LedgerEntry> refunds, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            MarkRefunded,
            new
            {
                PledgeIds = refunds.Select(e => e.PledgeId).ToArray(),
                RefundedAt = refunds.Select(e => e.OccurredAt).ToArray(),
            },
            transaction,
            cancellationToken: ct));

    public static Task<int> MarkAppliedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<LedgerEntry> entries, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            MarkApplied,
            new { PledgeIds = entries.Select(e => e.PledgeId).ToArray(), Kinds = entries.Select(e => e.Kind).ToArray() },
            transaction,
            cancellationToken: ct));

    public static Task<int> AnnounceAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<ChangedCampaign> campaigns, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            UpsertAnnouncements,
            new { CampaignIds = campaigns.Select(c => c.CampaignId).ToArray(), Versions = campaigns.Select(c => c.Version).ToArray() },
            transaction,
            cancellationToken: ct));
}

/// <summary>What a batch adds to one campaign's totals.</summary>
internal sealed class CampaignDelta(Guid campaignId, string currency)
{
    public Guid CampaignId { get; } = campaignId;

    public string Currency { get; } = currency;

    public decimal Raised { get; set; }

    public int Donations { get; set; }

    public int Donors { get; set; }

    public DateTime? LastDonationAt { get; set; }
}

/// <summary>What a batch adds to one registered donor's statistics.</summary>
internal sealed class UserDelta(Guid userId)
{
    public Guid UserId { get; } = userId;

    public decimal Total { get; set; }

    public int Donations { get; set; }

    public int Campaigns { get; set; }

    public DateTime? FirstAt { get; set; }

    public DateTime? LastAt { get; set; }
}
