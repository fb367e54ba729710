using CareForAll.BuildingBlocks.Database;
using Microsoft.Extensions.Options;
using Record = CareForAll.Campaigns.Features.Contributions.Record;

namespace CareForAll.Campaigns.Features.Contributions.Apply;

/// <summary>
/// Runs <see cref="CampaignTotals"/>: woken in process by each recorded contribution (so totals move within
/// milliseconds of a donation), polling as a fallback, and batch after batch while a backlog lasts.
/// </summary>
internal sealed class CampaignTotalsApplier(
    NpgsqlDataSource database,
    CampaignTotals totals,
    IOptions<TotalsOptions> options,
    ILogger<CampaignTotalsApplier> logger) : BackgroundService
{
    private readonly PostgresWakeup _wakeup = new(database, Record.Data.ContributionsChannel, logger.ContributionsListenFailed);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listener = _wakeup.ListenAsync(stoppingToken);
        var settings = options.Value;
        var backoff = TimeSpan.Zero;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var batch = await totals.ApplyBatchAsync(stoppingToken);
                    backoff = TimeSpan.Zero;
                    if (batch.Claimed < settings.BatchSize)
                    {
                        await _wakeup.WaitAsync(settings.PollInterval, stoppingToken);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    backoff = backoff == TimeSpan.Zero ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, settings.MaxBackoff.Ticks));
                    logger.TotalsRoundFailed(backoff, ex);
                    await Task.Delay(backoff, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            await listener;
        }
    }
}
