namespace CareForAll.BuildingBlocks.Messaging;

/// <summary>
/// Settings of one consumer queue. Defaults come from <c>Messaging:Consumer</c>, then
/// <c>Messaging:Consumers:&lt;queue&gt;</c>, then the code passed to <see cref="EventConsumerBuilder"/>.
/// </summary>
public sealed class ConsumerOptions
{
    /// <summary>Messages the broker may push before they are acknowledged.</summary>
    public ushort Prefetch { get; set; } = 100;

    /// <summary>Handlers running at once on the queue's channel.</summary>
    public ushort Concurrency { get; set; } = 4;

    /// <summary>Failed deliveries after which the quorum queue dead-letters a message (<c>x-delivery-limit</c>).</summary>
    public int DeliveryLimit { get; set; } = 10;

    /// <summary>Pause before a failed message is returned, multiplied by its delivery count (capped at 5 s).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How long inbox rows are kept. Far longer than any redelivery can take (the delivery limit ends retries
    /// within minutes), so deleting older rows cannot let a repeat through.
    /// </summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(30);
}
