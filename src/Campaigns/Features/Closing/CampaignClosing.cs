using CareForAll.Campaigns.Domain;
using CareForAll.Campaigns.Events;
using Microsoft.Extensions.Options;

namespace CareForAll.Campaigns.Features.Closing;

/// <summary>
/// Closes active campaigns whose end date passed: <c>completed</c> when the money reached the goal, else
/// <c>expired</c>, each with its status history row and <c>campaign.completed</c> / <c>campaign.expired</c> in the same
/// transaction. Two replicas running it at once close each campaign once.
/// </summary>
internal sealed class CampaignClosing(
    NpgsqlDataSource database,
    TimeProvider clock,
    CampaignsMetrics metrics,
    IOptions<ClosingOptions> options,
    ILogger<CampaignClosing> logger)
{
    public const string Reason = "end date passed";

    /// <summary>Closes every campaign that has ended, batch by batch; returns how many this run closed.</summary>
    public async Task<int> CloseEndedAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var closed = await CloseBatchAsync(ct);
            total += closed.Closed;
            if (closed.Claimed < options.Value.BatchSize)
            {
                return total;
            }
        }
    }

    private async Task<(int Claimed, int Closed)> CloseBatchAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        var ids = await Data.ClaimEndedAsync(connection, transaction, now, options.Value.BatchSize, ct);
        if (ids.Length == 0)
        {
            return (0, 0);
        }

        var closed = await Data.CloseAsync(connection, transaction, ids, Reason, now, ct);
        foreach (var row in closed)
        {
            await CampaignEvents.AddAsync(
                connection,
                transaction,
                CampaignTransitions.EventTypeFor(row.Status),
                row,
                new CampaignChange(PreviousStatus: CampaignStatus.Active, Reason: Reason),
                now,
                ct);
        }

        await transaction.CommitAsync(ct);
        foreach (var row in closed)
        {
            metrics.StatusChanged(row.Status);
            logger.CampaignClosed(row.Id, row.Status);
        }

        return (ids.Length, closed.Count);
    }
}
