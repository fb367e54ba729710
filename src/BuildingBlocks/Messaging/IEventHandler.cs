using System.Diagnostics.CodeAnalysis;

namespace CareForAll.BuildingBlocks.Messaging;

/// <summary>
/// Handles one event type for a consumer queue. Runs inside a database transaction that also records the event
/// in the inbox: do the effect through <see cref="EventContext{TData}.Connection"/> and
/// <see cref="EventContext{TData}.Transaction"/> (never commit it) and it happens exactly once, however often the
/// event is delivered. Events may arrive late, twice (the inbox absorbs that) or out of order: compare
/// <see cref="IntegrationEvent.AggregateVersion"/> or guard on state.
/// </summary>
/// <typeparam name="TData">The event's payload type (camelCase JSON).</typeparam>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix",
    Justification = "Handles integration events; unrelated to the EventHandler delegate.")]
public interface IEventHandler<TData>
{
    /// <summary>Applies the event. Throwing rolls everything back and returns the message for another attempt.</summary>
    /// <param name="context">The event, its payload and the open transaction.</param>
    /// <param name="cancellationToken">Cancelled when the service stops for good.</param>
    Task HandleAsync(EventContext<TData> context, CancellationToken cancellationToken);
}
