namespace CareForAll.Notifications.Directories;

/// <summary>A completed or refunded pledge, as the donor mails need it.</summary>
internal sealed record DonationRecord(
    Guid PledgeId,
    Guid CampaignId,
    string DonorKey,
    Guid? UserId,
    string DonorEmail,
    string? DonorName,
    decimal Amount,
    string Currency,
    bool Counted,
    DateTimeOffset? CompletedAt,
    long Version);

/// <summary>One distinct donor of a campaign: where to write, and the name to greet (null if they gave anonymously).</summary>
internal sealed class DonorEntry
{
    public string DonorKey { get; init; } = "";

    public Guid? UserId { get; init; }

    public string DonorEmail { get; init; } = "";

    public string? DonorName { get; init; }
}

/// <summary>Who gave to which campaign, from pledge events: for the goal-reached mail and the final report.</summary>
internal static class Donations
{
    // The newest version of the pledge decides whether it counts, so completed-then-refunded (in either arrival
    // order) ends uncounted; the completion time is kept once known whatever the order.
    private const string Upsert = """
        INSERT INTO notifications.campaign_donations AS d
            (pledge_id, campaign_id, donor_key, user_id, donor_email, donor_name, amount, currency, counted, completed_at, version, updated_at)
        VALUES (@PledgeId, @CampaignId, @DonorKey, @UserId, @DonorEmail, @DonorName, @Amount, @Currency, @Counted, @CompletedAt, @Version, @Now)
        ON CONFLICT (pledge_id) DO UPDATE SET
            counted = CASE WHEN d.version < EXCLUDED.version THEN EXCLUDED.counted ELSE d.counted END,
            version = GREATEST(d.version, EXCLUDED.version),
            completed_at = COALESCE(d.completed_at, EXCLUDED.completed_at),
            updated_at = EXCLUDED.updated_at
        RETURNING counted
        """;

    // Each distinct donor whose counted donation completed by the cut-off, greeted by their latest donation's name.
    private const string DonorsUntil = """
        SELECT DISTINCT ON (donor_key) donor_key AS DonorKey, user_id AS UserId, donor_email AS DonorEmail, donor_name AS DonorName
        FROM notifications.campaign_donations
        WHERE campaign_id = @CampaignId AND counted AND completed_at <= @Until
          AND (@DonorKey::text IS NULL OR donor_key = @DonorKey)
        ORDER BY donor_key, completed_at DESC
        """;

    private const string Totals = """
        SELECT count(DISTINCT donor_key) AS Donors, count(*) AS Donations
        FROM notifications.campaign_donations
        WHERE campaign_id = @CampaignId AND counted
        """;

    /// <summary>"user:&lt;id&gt;" for a signed-in donor, "email:&lt;address&gt;" for a guest: one person, one donor.</summary>
    public static string DonorKey(Guid? userId, string email) =>
        userId is { } id ? $"user:{id:N}" : $"email:{email.Trim().ToLowerInvariant()}";

    /// <summary>Records the pledge's state at its version; returns whether it counts now (false: a newer refund is known).</summary>
    public static Task<bool> RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DonationRecord donation, DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            Upsert,
            new
            {
                donation.PledgeId,
                donation.CampaignId,
                donation.DonorKey,
                donation.UserId,
                donation.DonorEmail,
                donation.DonorName,
                donation.Amount,
                donation.Currency,
                donation.Counted,
                CompletedAt = donation.CompletedAt?.UtcDateTime,
                donation.Version,
                Now = now.UtcDateTime,
            },
            transaction,
            cancellationToken: ct));

    /// <summary>The campaign's distinct donors whose counted donation completed by <paramref name="until"/> (only <paramref name="donorKey"/> when given).</summary>
    public static async Task<IReadOnlyList<DonorEntry>> DonorsUntilAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid campaignId, DateTimeOffset until, string? donorKey, CancellationToken ct) =>
        [.. await connection.QueryAsync<DonorEntry>(new CommandDefinition(
            DonorsUntil, new { CampaignId = campaignId, Until = until.UtcDateTime, DonorKey = donorKey }, transaction, cancellationToken: ct))];

    /// <summary>Distinct donors and donations that count (completed, not refunded).</summary>
    public static async Task<(long Donors, long Donations)> TotalsAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid campaignId, CancellationToken ct)
    {
        var row = await connection.QuerySingleAsync<TotalsRow>(
            new CommandDefinition(Totals, new { CampaignId = campaignId }, transaction, cancellationToken: ct));
        return (row.Donors, row.Donations);
    }

    private sealed class TotalsRow
    {
        public long Donors { get; init; }

        public long Donations { get; init; }
    }
}
