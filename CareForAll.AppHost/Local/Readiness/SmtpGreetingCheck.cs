using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CareForAll.AppHost.Local.Readiness;

/// <summary>Ready when the SMTP sink greets a new connection with 220.</summary>
internal sealed class SmtpGreetingCheck(int port) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var greeting = Encoding.ASCII.GetString(await TcpProbe.ExchangeAsync(port, ReadOnlyMemory<byte>.Empty, 3, cancellationToken));
            return greeting == "220"
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"The SMTP sink greeted with '{greeting}'.");
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The SMTP sink does not accept connections yet.", ex);
        }
    }
}
