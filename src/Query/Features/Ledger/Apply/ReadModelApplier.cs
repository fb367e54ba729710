using System.Threading.Channels;
using CareForAll.Query.Features.Ledger.Announce;
using Microsoft.Extensions.Options;
using Record = CareForAll.Query.Features.Ledger.Record;

namespace CareForAll.Query.Features.Ledger.Apply;

/// <summary>
/// Runs <see cref="ReadModelProjector"/> and <see cref="TotalsAnnouncer"/>: woken by the NOTIFY each recorded pledge
/// event or campaign change sends (so readers see a donation within milliseconds), polling as a fallback, batch after
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
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listener = ListenAsync(stoppingToken);
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

                await WaitForWorkAsync(
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

    private async Task WaitForWorkAsync(TimeSpan pollInterval, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(pollInterval);
        try
        {
            await _wake.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // Nothing announced within the poll interval: look anyway.
        }
    }

    /// <summary>Holds a dedicated connection that LISTENs for recorded events and wakes the loop.</summary>
    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => _wake.Writer.TryWrite(true);
                await using (var listen = new NpgsqlCommand($"LISTEN {Record.Data.LedgerChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Whatever was recorded while nobody listened is picked up now.
                _wake.Writer.TryWrite(true);
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (!await connection.WaitAsync(TimeSpan.FromSeconds(30), stoppingToken))
                    {
                        // A quiet connection may be dead without knowing it; a round trip finds out.
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteScalarAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LedgerListenFailed(ex);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
