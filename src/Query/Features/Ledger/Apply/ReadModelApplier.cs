using CareForAll.BuildingBlocks.Database;
using CareForAll.Query.Features.Ledger.Announce;
using Microsoft.Extensions.Options;
using Record = CareForAll.Query.Features.Ledger.Record;

namespace CareForAll.Query.Features.Ledger.Apply;

/// <summary>
/// Runs <see cref="ReadModelProjector"/> and <see cref="TotalsAnnouncer"/>: woken in process by each recorded pledge
/// event and campaign change (so readers see a donation within milliseconds), polling as a fallback, batch after
/// batch while a backlog lasts. Announcing has its own back-off, so a Redis outage never stops the read models from
/// moving.
/// </summary>
internal sealed class ReadModelApplier(
    NpgsqlDataSource database,
    ReadModelProjector projector,
    TotalsAnnouncer announcer,
    TimeProvider clock,
    IOptions<ApplierOptions> options,
    ILogger<ReadModelApplier> logger) : BackgroundService
{
    private readonly PostgresWakeup _wakeup = new(database, Record.Data.LedgerChannel, logger.LedgerListenFailed);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listener = _wakeup.ListenAsync(stoppingToken);
        var settings = options.Value;
        var backoff = TimeSpan.Zero;
        var announceBackoff = TimeSpan.Zero;
        var nextAnnounce = DateTimeOffset.MinValue;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                ProjectionBatch batch;
                try
                {
                    batch = await projector.ApplyBatchAsync(stoppingToken);
                    backoff = TimeSpan.Zero;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    backoff = Next(backoff, settings.MaxBackoff);
                    logger.ApplyRoundFailed(backoff, ex);
                    await Task.Delay(backoff, stoppingToken);
                    continue;
                }

                var announced = 0;
                if (clock.GetUtcNow() >= nextAnnounce)
                {
                    try
                    {
                        announced = await announcer.AnnounceAsync(stoppingToken);
                        announceBackoff = TimeSpan.Zero;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                    {
                        announceBackoff = Next(announceBackoff, settings.MaxBackoff);
                        nextAnnounce = clock.GetUtcNow() + announceBackoff;
                        logger.AnnounceRoundFailed(announceBackoff, ex);
                    }
                }

                if (batch.Claimed >= settings.BatchSize || announced >= settings.AnnounceBatchSize)
                {
                    continue;
                }

                await _wakeup.WaitAsync(
                    batch.Deferred > 0 ? settings.DeferredRetry
                    : announceBackoff > TimeSpan.Zero ? Min(settings.PollInterval, announceBackoff)
                    : settings.PollInterval,
                    stoppingToken);
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

    private static TimeSpan Next(TimeSpan backoff, TimeSpan max) =>
        backoff == TimeSpan.Zero ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, max.Ticks));

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
