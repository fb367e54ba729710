using CareForAll.Query.Features.Ledger.Record;
using Microsoft.Extensions.Options;

namespace CareForAll.Query.Features.Ledger.Apply;

/// <summary>
/// Applies recorded ledger rows to every read model, one batch per transaction: campaign totals (raised, standing
/// donations, distinct donors, last donation), the donation history, registered donors' statistics, the platform
/// statistics and the hourly figures; then marks the campaigns whose totals changed for announcement. Safe with
/// redelivered events (recording is idempotent) and with several replicas (SKIP LOCKED, rows taken in key order).
/// </summary>
internal sealed class ReadModelProjector(
    NpgsqlDataSource database,
    TimeProvider clock,
    QueryMetrics metrics,
    IOptions<ApplierOptions> options,
    ILogger<ReadModelProjector> logger)
{
    /// <summary>Applies one batch in its own transaction.</summary>
    public async Task<ProjectionBatch> ApplyBatchAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var batch = await ApplyBatchAsync(connection, transaction, ct);
        if (batch.Claimed > 0)
        {
            await transaction.CommitAsync(ct);
        }

        return batch;
    }

    /// <summary>Applies one batch inside <paramref name="transaction"/> (the rebuild applies the whole ledger in its own).</summary>
    public async Task<ProjectionBatch> ApplyBatchAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        var claimed = await Data.ClaimAsync(connection, transaction, options.Value.BatchSize, ct);
        if (claimed.Count == 0)
        {
            return ProjectionBatch.Empty;
        }

        var now = clock.GetUtcNow();
        var completions = claimed.Where(e => e.Kind == LedgerKind.Completed).ToDictionary(e => e.PledgeId);
        var applied = new List<LedgerEntry>(claimed.Count);
        var refunds = new List<(LedgerEntry Refund, DateTime DonatedAt)>();
        var deferred = 0;
        foreach (var entry in claimed)
        {
            if (entry.Kind == LedgerKind.Completed)
            {
                applied.Add(entry);
            }
            else if (completions.TryGetValue(entry.PledgeId, out var completion))
            {
                applied.Add(entry);
                refunds.Add((entry, completion.OccurredAt));
            }
            else if (entry.CompletionApplied)
            {
                applied.Add(entry);
                refunds.Add((entry, entry.CompletionOccurredAt ?? entry.OccurredAt));
            }
            else if (entry.CompletionExists)
            {
                // Its completion is in a batch another replica has not committed: taking the money back now could
                // take a figure below zero. The row stays unapplied for the next batch.
                deferred++;
            }
            else
            {
                // Recording always writes the completion with its refund, so only a damaged ledger gets here; there is
                // nothing counted to take back.
                logger.RefundWithoutCompletion(entry.PledgeId);
                applied.Add(entry);
            }
        }

        if (deferred > 0)
        {
            logger.RefundsDeferred(deferred);
        }

        var counted = applied.Where(e => e.Kind == LedgerKind.Completed || completions.ContainsKey(e.PledgeId) || e.CompletionApplied).ToList();
        var changed = await ProjectAsync(connection, transaction, counted, refunds, now, ct);
        if (applied.Count > 0)
        {
            await Data.MarkAppliedAsync(connection, transaction, applied, ct);
        }

        if (changed.Count > 0)
        {
            await Data.AnnounceAsync(connection, transaction, changed, ct);
        }

        var oldest = applied.Count > 0 ? applied.Min(e => e.ReceivedAt) : now.UtcDateTime;
        metrics.Applied(applied.Count, now.UtcDateTime - DateTime.SpecifyKind(oldest, DateTimeKind.Utc));
        logger.LedgerApplied(applied.Count, changed.Count);
        return new ProjectionBatch(claimed.Count, applied.Count, deferred, changed.Count);
    }

    private static async Task<IReadOnlyList<ChangedCampaign>> ProjectAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        List<LedgerEntry> counted,
        List<(LedgerEntry Refund, DateTime DonatedAt)> refunds,
        DateTimeOffset now,
        CancellationToken ct)
    {
        if (counted.Count == 0)
        {
            return [];
        }

        var donatedAt = refunds.ToDictionary(r => r.Refund.PledgeId, r => r.DonatedAt);
        var campaigns = new SortedDictionary<Guid, CampaignDelta>();
        var donors = new Dictionary<(Guid Campaign, string Donor), int>();
        var donorUsers = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var users = new SortedDictionary<Guid, UserDelta>();
        var platformDonors = new Dictionary<string, int>(StringComparer.Ordinal);
        var hours = new SortedDictionary<DateTime, (int Donations, decimal Amount)>();
        decimal platformRaised = 0;
        var platformDonations = 0;

        foreach (var entry in counted)
        {
            var completed = entry.Kind == LedgerKind.Completed;
            var sign = completed ? 1 : -1;
            var money = sign * entry.Amount;
            var madeAt = completed ? entry.OccurredAt : donatedAt[entry.PledgeId];

            if (!campaigns.TryGetValue(entry.CampaignId, out var campaign))
            {
                campaigns[entry.CampaignId] = campaign = new CampaignDelta(entry.CampaignId, entry.Currency);
            }

            campaign.Raised += money;
            campaign.Donations += sign;
            if (completed && (campaign.LastDonationAt is null || madeAt > campaign.LastDonationAt))
            {
                campaign.LastDonationAt = madeAt;
            }

            donors[(entry.CampaignId, entry.DonorKey)] = donors.GetValueOrDefault((entry.CampaignId, entry.DonorKey)) + sign;
            platformDonors[entry.DonorKey] = platformDonors.GetValueOrDefault(entry.DonorKey) + sign;

            if (entry.UserId is { } userId)
            {
                donorUsers[entry.DonorKey] = userId;
                if (!users.TryGetValue(userId, out var user))
                {
                    users[userId] = user = new UserDelta(userId);
                }

                user.Total += money;
                user.Donations += sign;
                if (completed)
                {
                    user.FirstAt = user.FirstAt is null || madeAt < user.FirstAt ? madeAt : user.FirstAt;
                    user.LastAt = user.LastAt is null || madeAt > user.LastAt ? madeAt : user.LastAt;
                }
            }

            var hour = HourOf(madeAt);
            var (hourDonations, hourAmount) = hours.GetValueOrDefault(hour);
            hours[hour] = (hourDonations + sign, hourAmount + money);
            platformRaised += money;
            platformDonations += sign;
        }

        // Distinct donors: a donor counts while their standing donations are above zero.
        var donorDeltas = donors.Where(d => d.Value != 0).Select(d => (d.Key.Campaign, d.Key.Donor, d.Value)).ToList();
        if (donorDeltas.Count > 0)
        {
            var deltaOf = donorDeltas.ToDictionary(d => (d.Campaign, d.Donor), d => d.Value);
            foreach (var before in await Data.UpsertCampaignDonorsAsync(connection, transaction, donorDeltas, ct))
            {
                var delta = deltaOf[(before.CampaignId, before.DonorKey)];
                var crossing = Crossing(before.Donations, before.Donations + delta);
                if (crossing == 0)
                {
                    continue;
                }

                campaigns[before.CampaignId].Donors += crossing;
                if (donorUsers.TryGetValue(before.DonorKey, out var userId))
                {
                    users[userId].Campaigns += crossing;
                }
            }
        }

        var changed = await Data.UpsertCampaignTotalsAsync(connection, transaction, [.. campaigns.Values], now, ct);

        if (users.Count > 0)
        {
            await Data.UpsertUserStatisticsAsync(connection, transaction, [.. users.Values], now, ct);
        }

        var platformDonorDeltas = platformDonors.Where(d => d.Value != 0).OrderBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => (d.Key, d.Value)).ToList();
        var platformDonorsDelta = 0;
        if (platformDonorDeltas.Count > 0)
        {
            var deltaOf = platformDonorDeltas.ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);
            foreach (var before in await Data.UpsertPlatformDonorsAsync(connection, transaction, platformDonorDeltas, ct))
            {
                platformDonorsDelta += Crossing(before.Donations, before.Donations + deltaOf[before.DonorKey]);
            }
        }

        var hourDeltas = hours.Where(h => h.Value.Donations != 0 || h.Value.Amount != 0)
            .Select(h => (h.Key, h.Value.Donations, h.Value.Amount)).ToList();
        if (hourDeltas.Count > 0)
        {
            await Data.UpsertHoursAsync(connection, transaction, hourDeltas, ct);
        }

        await Data.UpdatePlatformAsync(connection, transaction, platformRaised, platformDonations, platformDonorsDelta, now, ct);

        var newDonations = counted.Where(e => e.Kind == LedgerKind.Completed).OrderBy(e => e.PledgeId).ToList();
        if (newDonations.Count > 0)
        {
            await Data.InsertHistoryAsync(connection, transaction, newDonations, ct);
        }

        var takenBack = counted.Where(e => e.Kind == LedgerKind.Refunded).OrderBy(e => e.PledgeId).ToList();
        if (takenBack.Count > 0)
        {
            await Data.MarkRefundedAsync(connection, transaction, takenBack, ct);
        }

        return changed;
    }

    /// <summary>+1 when a donor starts counting, −1 when they stop, 0 otherwise.</summary>
    private static int Crossing(int before, int after) => (after > 0 ? 1 : 0) - (before > 0 ? 1 : 0);

    private static DateTime HourOf(DateTime time)
    {
        var utc = DateTime.SpecifyKind(time, DateTimeKind.Utc);
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerHour), DateTimeKind.Utc);
    }
}
