using Microsoft.Extensions.Options;

namespace CareForAll.Campaigns.Features.Closing;

/// <summary>Runs <see cref="CampaignClosing"/> at start and then every <see cref="ClosingOptions.Interval"/>.</summary>
internal sealed class CampaignClosingJob(CampaignClosing closing, IOptions<ClosingOptions> options, ILogger<CampaignClosingJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval);
        do
        {
            try
            {
                await closing.CloseEndedAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The database is away or a run failed; the next tick tries again.
                logger.ClosingRoundFailed(ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
