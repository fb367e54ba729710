using CareForAll.Payments.Configuration;
using Microsoft.Extensions.Options;

namespace CareForAll.Payments.Refunds;

/// <summary>
/// Runs <see cref="RefundPolling"/> every <c>Payments:Refunds:PollInterval</c> on every replica; the claim lease keeps
/// the replicas off each other's refunds. Each round gets a fresh scope (and gateway client).
/// </summary>
internal sealed class RefundTracker(
    IServiceScopeFactory scopes,
    IOptions<RefundTrackingOptions> options,
    ILogger<RefundTracker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.PollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RefundPolling>().RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.RefundRoundFailed(ex);
            }
        }
    }
}
