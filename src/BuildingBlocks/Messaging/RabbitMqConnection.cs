using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace CareForAll.BuildingBlocks.Messaging;

/// <summary>
/// The service's one AMQP connection, opened lazily and retried until the broker answers, so a service starts
/// while RabbitMQ is down. Once open, RabbitMQ.Client's automatic recovery reconnects it and restores
/// channels, queues, bindings and consumers after a broker restart.
/// </summary>
internal sealed partial class RabbitMqConnection(IConfiguration configuration, IHostEnvironment environment, ILogger<RabbitMqConnection> logger)
    : IAsyncDisposable
{
    readonly SemaphoreSlim _gate = new(1, 1);
    IConnection? _connection;

    /// <summary>Whether a connection exists and is currently open (false while recovering).</summary>
    public bool IsConnectionOpen => _connection is { IsOpen: true };

    /// <summary>Returns the open connection, waiting (with backoff) until the broker accepts one.</summary>
    public async Task<IConnection> GetAsync(CancellationToken cancellationToken)
    {
        if (_connection is { } existing)
        {
            return existing;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var delay = TimeSpan.FromMilliseconds(500);
            while (_connection is null)
            {
                try
                {
                    _connection = await CreateFactory().CreateConnectionAsync(environment.ApplicationName, cancellationToken);
                    LogConnected(logger, _connection.Endpoint.ToString());
                }
                catch (Exception ex) when (ex is not OperationCanceledException && ex is not InvalidOperationException)
                {
                    LogUnreachable(logger, delay, ex.Message);
                    await Task.Delay(delay, cancellationToken);
                    delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5_000));
                }
            }

            return _connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    ConnectionFactory CreateFactory()
    {
        var uri = configuration.GetConnectionString(MessagingNames.ConnectionName)
            ?? throw new InvalidOperationException(
                $"Connection string '{MessagingNames.ConnectionName}' is missing: reference the RabbitMQ resource from the AppHost.");
        return new ConnectionFactory
        {
            Uri = new Uri(uri),
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
            NetworkRecoveryInterval = TimeSpan.FromSeconds(2),
            RequestedHeartbeat = TimeSpan.FromSeconds(20),
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            try
            {
                await connection.CloseAsync();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Closing a connection whose broker is gone throws; shutdown must go on regardless.
                LogCloseFailed(logger, ex.Message);
            }

            connection.Dispose();
        }

        _gate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to RabbitMQ at {Endpoint}.")]
    static partial void LogConnected(ILogger logger, string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RabbitMQ is not reachable; retrying in {Delay}: {Reason}")]
    static partial void LogUnreachable(ILogger logger, TimeSpan delay, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing the RabbitMQ connection failed: {Reason}")]
    static partial void LogCloseFailed(ILogger logger, string reason);
}
