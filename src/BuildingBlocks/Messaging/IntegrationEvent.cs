using System.Text.Json;

namespace CareForAll.BuildingBlocks.Messaging;

/// <summary>
/// The envelope every event travels in (camelCase JSON). The W3C <c>traceparent</c>/<c>tracestate</c> travel in
/// AMQP headers, not in the body. Routing key = <see cref="EventType"/>.
/// </summary>
/// <param name="EventId">Unique id; consumers record it in their inbox.</param>
/// <param name="EventType">Dotted type, e.g. <c>user.registered</c>.</param>
/// <param name="OccurredAt">When the change happened.</param>
/// <param name="AggregateId">The entity that changed.</param>
/// <param name="AggregateVersion">That entity's version after the change (order is not guaranteed; handlers compare).</param>
/// <param name="Data">The event's payload, a JSON object.</param>
public sealed record IntegrationEvent(
    Guid EventId,
    string EventType,
    DateTimeOffset OccurredAt,
    Guid AggregateId,
    long AggregateVersion,
    JsonElement Data);
