using Npgsql;

namespace CareForAll.BuildingBlocks.Messaging;

/// <summary>How one event type of a queue reaches its handler; the connection and transaction are the inbox's (null for a listener queue).</summary>
internal sealed record EventHandlerRegistration(
    string EventType,
    bool NeedsInbox,
    Func<IServiceProvider, IntegrationEvent, NpgsqlConnection?, NpgsqlTransaction?, CancellationToken, Task> InvokeAsync);
