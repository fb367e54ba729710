namespace CareForAll.BuildingBlocks.Messaging;

/// <summary>
/// Reacts to one event type without a database: for effects that are idempotent by nature (evicting a cache entry),
/// where a repeated or late event does no harm. Anything that changes state belongs in an <see cref="IEventHandler{TData}"/>.
/// </summary>
/// <typeparam name="TData">The event's payload type.</typeparam>
public interface IEventListener<TData>
{
    /// <summary>Reacts to the event. Throwing returns the message for another attempt.</summary>
    /// <param name="envelope">The event as received.</param>
    /// <param name="data">Its payload.</param>
    /// <param name="cancellationToken">Cancelled when the service stops for good.</param>
    Task HandleAsync(IntegrationEvent envelope, TData data, CancellationToken cancellationToken);
}
