using Npgsql;

namespace CareForAll.BuildingBlocks.Messaging;

/// <summary>How one event type of a queue reaches its handler.</summary>
internal sealed record EventHandlerRegistration(
    string EventType,
    Func<IServiceProvider, IntegrationEvent, NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task> InvokeAsync);
