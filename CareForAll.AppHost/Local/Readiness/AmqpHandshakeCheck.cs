using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CareForAll.AppHost.Local.Readiness;

/// <summary>
/// Ready when the broker answers the AMQP 0-9-1 protocol header with Connection.Start, which RabbitMQ only does once
/// its listener is up and the node has booted.
/// </summary>
internal sealed class AmqpHandshakeCheck(int port) : IHealthCheck
{
    private static readonly byte[] ProtocolHeader = [(byte)'A', (byte)'M', (byte)'Q', (byte)'P', 0, 0, 9, 1];

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // Frame: type(1) channel(2) size(4), then the method payload: class id (2) and method id (2).
            var frame = await TcpProbe.ExchangeAsync(port, ProtocolHeader, 11, cancellationToken);
            var isConnectionStart = frame.Length == 11
                && frame[0] == 1            // method frame
                && frame[1] == 0 && frame[2] == 0
                && frame[7] == 0 && frame[8] == 10   // class: connection
                && frame[9] == 0 && frame[10] == 10; // method: start
            return isConnectionStart
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The broker did not answer the AMQP header with Connection.Start.");
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("RabbitMQ does not accept AMQP connections yet.", ex);
        }
    }
}
