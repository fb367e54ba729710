using System.Diagnostics;

namespace CareForAll.SslCommerzSandbox.Notifications;

/// <summary>
/// Runs deliveries after the request that scheduled them has ended: detached from its cancellation and its
/// HttpContext, stopped only when the application stops, traced under the request that caused them.
/// </summary>
internal sealed class BackgroundWork(IHostApplicationLifetime lifetime, ILogger<BackgroundWork> logger)
{
    public void Start(string tranId, Func<CancellationToken, Task> work)
    {
        var parent = Activity.Current?.Context ?? default;
        if (ExecutionContext.IsFlowSuppressed())
        {
            _ = Task.Run(() => RunAsync(tranId, parent, work));
            return;
        }

        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(() => RunAsync(tranId, parent, work));
        }
    }

    private async Task RunAsync(string tranId, ActivityContext parent, Func<CancellationToken, Task> work)
    {
        using var activity = SandboxTelemetry.Source.StartActivity("deliver notifications", ActivityKind.Internal, parent);
        activity?.SetTag("sslcommerz.tran_id", tranId);
        try
        {
            await work(lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Shutting down: undelivered notifications are lost, as they would be on a gateway outage.
        }
#pragma warning disable CA1031 // A background failure must reach the log, not an unobserved task.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.DeliveriesFailed(exception, tranId);
        }
    }
}
