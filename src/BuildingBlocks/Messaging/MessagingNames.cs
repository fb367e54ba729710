namespace CareForAll.BuildingBlocks.Messaging;

/// <summary>Names shared by every publisher and consumer.</summary>
public static class MessagingNames
{
    /// <summary>The durable topic exchange all events are published to (routing key = event type).</summary>
    public const string EventsExchange = "careforall.events";

    /// <summary>The exchange consumer queues dead-letter into; each queue's dead letters land in <c>&lt;queue&gt;.dlq</c>.</summary>
    public const string DeadLetterExchange = "careforall.events.dlx";

    /// <summary>The connection string name of the broker (an AMQP URI).</summary>
    public const string ConnectionName = "rabbitmq";

    /// <summary>The PostgreSQL notification channel the outbox writer signals and the relay listens on.</summary>
    public const string OutboxNotifyChannel = "careforall_outbox";

    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/> and <see cref="System.Diagnostics.ActivitySource"/>.</summary>
    public const string TelemetryName = "CareForAll.Messaging";

    /// <summary>The dead-letter queue name of a consumer queue.</summary>
    /// <param name="queueName">The consumer queue.</param>
    public static string DeadLetterQueue(string queueName) => queueName + ".dlq";
}
