using System.Globalization;
using Microsoft.Extensions.Hosting;

namespace CareForAll.AppHost.Local;

/// <summary>
/// Stops the epmd daemon that this platform's RabbitMQ supervisor started on the platform's own epmd port once the
/// AppHost has stopped. epmd detaches from the node, so stopping the node alone would leave it running.
/// </summary>
internal sealed class EpmdCleanup(IHostApplicationLifetime lifetime, int epmdPort) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopped.Register(() =>
            ProcessRunner.TryRun("epmd", ["-port", epmdPort.ToString(CultureInfo.InvariantCulture), "-kill"], TimeSpan.FromSeconds(5)));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
