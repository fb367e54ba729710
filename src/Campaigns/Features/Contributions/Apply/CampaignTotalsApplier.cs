using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Record = CareForAll.Campaigns.Features.Contributions.Record;

namespace CareForAll.Campaigns.Features.Contributions.Apply;

/// <summary>
/// Runs <see cref="CampaignTotals"/>: woken by the NOTIFY each recorded contribution sends (so totals move within
/// milliseconds of a donation), polling as a fallback, and batch after batch while a backlog lasts.
/// </summary>
internal sealed class CampaignTotalsApplier(
    NpgsqlDataSource database,
    CampaignTotals totals,
    IOptions<TotalsOptions> options,
    ILogger<CampaignTotalsApplier> logger) : BackgroundService
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listener = ListenAsync(stoppingToken);
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
                        await WaitForWorkAsync(settings.PollInterval, stoppingToken);
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

    /// <summary>Holds a dedicated connection that LISTENs for recorded contributions and wakes the loop.</summary>
    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => _wake.Writer.TryWrite(true);
                await using (var listen = new NpgsqlCommand($"LISTEN {Record.Data.ContributionsChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Contributions recorded while nobody listened are picked up now.
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
                logger.ContributionsListenFailed(ex);
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
