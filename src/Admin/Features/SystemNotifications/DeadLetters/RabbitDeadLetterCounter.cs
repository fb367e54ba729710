using CareForAll.BuildingBlocks.Messaging;

namespace CareForAll.Admin.Features.SystemNotifications.DeadLetters;

/// <summary>
/// Counts dead letters on the service's own AMQP connection (the one its consumer uses). A dead-letter queue that does
/// not exist yet counts as empty: every relay declares each one before it publishes, so none yet means none has failed.
/// </summary>
internal sealed class RabbitDeadLetterCounter(QueueMessageCounts queues, ILogger<RabbitDeadLetterCounter> logger) : IDeadLetterCounter
{
    public async Task<long?> CountAsync(string queue, CancellationToken ct)
    {
        try
        {
            return await queues.CountAsync(MessagingNames.DeadLetterQueue(queue), ct) ?? 0;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            logger.DeadLetterCountFailed(queue, ex.Message);
            return null;
        }
    }
}
