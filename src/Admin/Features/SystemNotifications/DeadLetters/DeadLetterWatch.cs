using CareForAll.Admin.Configuration;
using Microsoft.Extensions.Options;

namespace CareForAll.Admin.Features.SystemNotifications.DeadLetters;

/// <summary>Runs <see cref="DeadLetterCheck"/> every <c>Admin:DeadLetters:Interval</c>, from startup on.</summary>
internal sealed class DeadLetterWatch(
    IServiceScopeFactory scopes,
    IOptions<DeadLetterOptions> options,
    TimeProvider clock,
    ILogger<DeadLetterWatch> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        try
        {
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<DeadLetterCheck>().RunAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.DeadLetterRoundFailed(ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
