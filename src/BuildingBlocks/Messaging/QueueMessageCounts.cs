using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace CareForAll.BuildingBlocks.Messaging;

/// <summary>
/// Reads how many messages wait in a queue (a passive declare: nothing is consumed, created or changed) on the
/// service's one AMQP connection, e.g. to watch the dead-letter queues.
/// </summary>
public sealed class QueueMessageCounts
{
    readonly RabbitMqConnection _connection;

    internal QueueMessageCounts(RabbitMqConnection connection) => _connection = connection;

    /// <summary>
    /// The number of ready messages in <paramref name="queue"/>, or null when no such queue exists. Waits for the broker
    /// while it is away, so bound the wait with <paramref name="cancellationToken"/>.
    /// </summary>
    /// <param name="queue">The queue's full name.</param>
    /// <param name="cancellationToken">Ends the wait.</param>
    public async Task<uint?> CountAsync(string queue, CancellationToken cancellationToken)
    {
        var connection = await _connection.GetAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == Constants.NotFound)
        {
            return null;
        }
        finally
        {
            // A passive declare of a missing queue has already closed the channel; only its disposal is left.
            if (channel.IsOpen)
            {
                await channel.CloseAsync(CancellationToken.None);
            }

            await channel.DisposeAsync();
        }
    }
}
