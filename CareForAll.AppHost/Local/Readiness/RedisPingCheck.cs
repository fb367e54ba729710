using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CareForAll.AppHost.Local.Readiness;

/// <summary>Ready when Redis answers PING with PONG.</summary>
internal sealed class RedisPingCheck(int port) : IHealthCheck
{
    private static readonly byte[] Ping = "*1\r\n$4\r\nPING\r\n"u8.ToArray();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var answer = Encoding.ASCII.GetString(await TcpProbe.ExchangeAsync(port, Ping, 7, cancellationToken));
            return answer.StartsWith("+PONG", StringComparison.Ordinal)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"Redis answered '{answer.Trim()}' instead of PONG.");
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer PING yet.", ex);
        }
    }
}
