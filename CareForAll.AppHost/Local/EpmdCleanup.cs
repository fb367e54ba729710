using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Hosting;

namespace CareForAll.AppHost.Local;

/// <summary>
/// Stops the epmd daemon that this platform's RabbitMQ node started on the platform's own epmd port once the AppHost
/// has stopped. epmd detaches from the node, so stopping the node alone would leave it running.
/// </summary>
internal sealed class EpmdCleanup(IHostApplicationLifetime lifetime, int epmdPort) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopped.Register(KillEpmd);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void KillEpmd()
    {
        try
        {
            var startInfo = new ProcessStartInfo("epmd") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            startInfo.ArgumentList.Add("-port");
            startInfo.ArgumentList.Add(epmdPort.ToString(CultureInfo.InvariantCulture));
            startInfo.ArgumentList.Add("-kill");
            using var process = Process.Start(startInfo);
            process?.WaitForExit(TimeSpan.FromSeconds(5));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // epmd is gone with Erlang itself; nothing to stop.
        }
    }
}
