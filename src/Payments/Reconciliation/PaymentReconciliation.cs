using CareForAll.Payments.Configuration;
using Microsoft.Extensions.Options;

namespace CareForAll.Payments.Reconciliation;

/// <summary>
/// Runs <see cref="ReconciliationRun"/> every <c>Payments:Reconciliation:Interval</c> on every replica; the claim
/// lease keeps the replicas off each other's payments. Each round gets a fresh scope (and gateway client).
/// </summary>
internal sealed class PaymentReconciliation(
    IServiceScopeFactory scopes,
    IOptions<ReconciliationOptions> options,
    ILogger<PaymentReconciliation> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ReconciliationRun>().RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A round that failed (the database away, say) must not stop the service; the next tick tries again.
                logger.ReconciliationRoundFailed(ex);
            }
        }
    }
}
