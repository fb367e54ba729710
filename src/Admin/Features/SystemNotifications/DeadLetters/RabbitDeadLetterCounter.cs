using CareForAll.Admin.Configuration;
using CareForAll.BuildingBlocks.Messaging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace CareForAll.Admin.Features.SystemNotifications.DeadLetters;

/// <summary>
/// Counts dead letters with a passive queue declare (which reads a queue's message count without changing it) on the
/// broker named by the <c>rabbitmq</c> connection string. Its connection opens on first use; while the broker refuses
/// one, counts are unavailable for <c>ReconnectAfter</c> rather than every caller waiting on a new attempt.
/// </summary>
internal sealed class RabbitDeadLetterCounter(
    IConfiguration configuration,
    IHostEnvironment environment,
    IOptions<DeadLetterOptions> options,
    TimeProvider clock,
    ILogger<RabbitDeadLetterCounter> logger) : IDeadLetterCounter, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;
    private DateTimeOffset _retryAfter = DateTimeOffset.MinValue;

    public async Task<long?> CountAsync(string queue, CancellationToken ct)
    {
        IChannel? channel = null;
        try
        {
            var connection = await ConnectAsync(ct);
            channel = await connection.CreateChannelAsync(cancellationToken: ct);
            var declared = await channel.QueueDeclarePassiveAsync(MessagingNames.DeadLetterQueue(queue), ct);
            return declared.MessageCount;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == Constants.NotFound)
        {
            // Every relay declares each dead-letter queue before it publishes; none yet means none has failed yet.
            return 0;
        }
        catch (BrokerResting)
        {
            // Said once, when the connection was refused; every queue of every round since would only repeat it.
            return null;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            logger.DeadLetterCountFailed(queue, ex.Message);
            return null;
        }
        finally
        {
            if (channel is not null)
            {
                await CloseQuietlyAsync(channel);
            }
        }
    }

    private async Task<IConnection> ConnectAsync(CancellationToken ct)
    {
        if (_connection is { } existing)
        {
            return existing;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (_connection is { } opened)
            {
                return opened;
            }

            if (clock.GetUtcNow() < _retryAfter)
            {
                throw new BrokerResting();
            }

            var uri = configuration.GetConnectionString(MessagingNames.ConnectionName)
                ?? throw new InvalidOperationException($"Connection string '{MessagingNames.ConnectionName}' is missing.");
            var factory = new ConnectionFactory
            {
                Uri = new Uri(uri),
                AutomaticRecoveryEnabled = true,
                TopologyRecoveryEnabled = false,
                RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
                ClientProvidedName = environment.ApplicationName + " dead-letter counts",
            };
            try
            {
                _connection = await factory.CreateConnectionAsync(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _retryAfter = clock.GetUtcNow() + options.Value.ReconnectAfter;
                throw;
            }

            return _connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The broker refused a connection less than <c>ReconnectAfter</c> ago.</summary>
    private sealed class BrokerResting : Exception;

    private static async Task CloseQuietlyAsync(IChannel channel)
    {
        try
        {
            await channel.CloseAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A passive declare of a missing queue already closed it.
        }

        await channel.DisposeAsync();
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
                // The broker is gone; shutting down goes on.
            }

            connection.Dispose();
        }

        _gate.Dispose();
    }
}
