using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace CareForAll.BuildingBlocks.Messaging;

/// <summary>
/// Declares a consumer queue the one way the platform does: a durable quorum queue with a delivery limit, its
/// dead-letter queue, and a binding per event type. Used by the consumer itself and by every relay (for the
/// queues of <see cref="MessagingTopology"/>), so the arguments always agree.
/// </summary>
internal static class QueueDeclaration
{
    /// <summary>Declares the exchanges, <paramref name="queueName"/>, its dead-letter queue and bindings.</summary>
    /// <returns>The broker's reason when the queue already exists with other arguments (it is then used as it is).</returns>
    public static async Task<string?> DeclareAsync(
        IConnection connection, string queueName, int deliveryLimit, IEnumerable<string> eventTypes, CancellationToken cancellationToken)
    {
        string? argumentsDiffer = null;
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            await channel.ExchangeDeclareAsync(MessagingNames.EventsExchange, ExchangeType.Topic, durable: true, autoDelete: false,
                cancellationToken: cancellationToken);
            await channel.ExchangeDeclareAsync(MessagingNames.DeadLetterExchange, ExchangeType.Direct, durable: true, autoDelete: false,
                cancellationToken: cancellationToken);
            var deadLetterQueue = MessagingNames.DeadLetterQueue(queueName);
            await channel.QueueDeclareAsync(deadLetterQueue, durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: cancellationToken);
            await channel.QueueBindAsync(deadLetterQueue, MessagingNames.DeadLetterExchange, queueName, cancellationToken: cancellationToken);
            try
            {
                // RabbitMQ 3.10 has no default delivery limit for quorum queues: without it a poison message loops forever.
                await channel.QueueDeclareAsync(queueName, durable: true, exclusive: false, autoDelete: false,
                    arguments: new Dictionary<string, object?>
                    {
                        ["x-queue-type"] = "quorum",
                        ["x-delivery-limit"] = deliveryLimit,
                        ["x-dead-letter-exchange"] = MessagingNames.DeadLetterExchange,
                        ["x-dead-letter-routing-key"] = queueName,
                    },
                    cancellationToken: cancellationToken);
            }
            catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == Constants.PreconditionFailed)
            {
                // The queue exists with other arguments (e.g. a changed delivery limit): use it as it is rather than
                // not at all. Changing queue arguments needs an operator (or a policy).
                argumentsDiffer = ex.ShutdownReason.ReplyText;
                await CloseQuietlyAsync(channel);
                channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
                await channel.QueueDeclarePassiveAsync(queueName, cancellationToken);
            }

            foreach (var eventType in eventTypes)
            {
                await channel.QueueBindAsync(queueName, MessagingNames.EventsExchange, eventType, cancellationToken: cancellationToken);
            }
        }
        finally
        {
            await CloseQuietlyAsync(channel);
        }

        return argumentsDiffer;
    }

    public static async Task CloseQuietlyAsync(IChannel channel)
    {
        try
        {
            await channel.CloseAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Already closed with the connection.
        }

        await channel.DisposeAsync();
    }
}
