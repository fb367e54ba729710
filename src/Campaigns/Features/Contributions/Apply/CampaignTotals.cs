using CareForAll.Campaigns.Domain;
using CareForAll.Campaigns.Events;
using Microsoft.Extensions.Options;

namespace CareForAll.Campaigns.Features.Contributions.Apply;

/// <summary>
/// Adds recorded contributions to campaign totals, one batch per transaction: claims unapplied rows, adds each
/// campaign's sum in one UPDATE (in campaign id order, so two replicas never deadlock), emits one
/// <c>campaign.updated</c> per changed campaign and <c>campaign.goal_reached</c> the one time a campaign reaches its
/// goal. Safe with redelivered events (recording is idempotent) and with several replicas (SKIP LOCKED).
/// </summary>
internal sealed class CampaignTotals(
    NpgsqlDataSource database,
    TimeProvider clock,
    CampaignsMetrics metrics,
    IOptions<TotalsOptions> options,
    ILogger<CampaignTotals> logger)
{
    private static readonly IReadOnlyList<string> AmountChanged = [CampaignFields.CurrentAmount];

    public async Task<TotalsBatch> ApplyBatchAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        var claimed = await Data.ClaimAsync(connection, transaction, options.Value.BatchSize, now, ct);
        if (claimed.Count == 0)
        {
            return TotalsBatch.Empty;
        }

        int applied = 0, deferred = 0, campaigns = 0, goalsReached = 0;
        var money = 0m;
        foreach (var group in claimed.GroupBy(c => c.CampaignId).OrderBy(g => g.Key))
        {
            var contributions = group.ToList();
            var delta = contributions.Sum(c => c.Amount);
            if (delta == 0)
            {
                // A completion and its refund together: settled, and the campaign does not change.
                applied += contributions.Count;
                continue;
            }

            var row = await Data.AddToTotalAsync(connection, transaction, group.Key, delta, now, ct);
            if (row is null)
            {
                if (await Data.ExistsAsync(connection, transaction, group.Key, ct))
                {
                    await Data.ReleaseAsync(connection, transaction, contributions, ct);
                    deferred += contributions.Count;
                    logger.ContributionsDeferred(group.Key, contributions.Count);
                }
                else
                {
                    // Erased after the money was recorded (an admin deleting a draft at that very moment).
                    logger.ContributionsForMissingCampaign(group.Key, contributions.Count);
                }

                continue;
            }

            applied += contributions.Count;
            campaigns++;
            money += delta;
            await CampaignEvents.AddAsync(connection, transaction, CampaignEventTypes.Updated, row, new CampaignChange(Changes: AmountChanged), now, ct);

            // The row is locked by this transaction, so what it says about the goal is current.
            if (row.GoalReachedAt is null && row.CurrentAmount >= row.GoalAmount
                && await Data.MarkGoalReachedAsync(connection, transaction, row.Id, now, ct) is { } reached)
            {
                await CampaignEvents.AddAsync(connection, transaction, CampaignEventTypes.GoalReached, reached, new CampaignChange(), now, ct);
                goalsReached++;
                logger.GoalReached(reached.Id, reached.GoalAmount, reached.CurrentAmount);
            }
        }

        await transaction.CommitAsync(ct);

        metrics.MoneyApplied(money);
        for (var i = 0; i < goalsReached; i++)
        {
            metrics.GoalReached();
        }

        logger.TotalsApplied(applied, campaigns);
        return new TotalsBatch(claimed.Count, applied, deferred, campaigns, goalsReached);
    }
}
