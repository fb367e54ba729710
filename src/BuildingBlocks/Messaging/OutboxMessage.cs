using System.Buffers;
using System.Text.Json;

namespace CareForAll.BuildingBlocks.Messaging;

/// <summary>An outbox row claimed by the relay.</summary>
internal sealed record OutboxMessage(
    long Id,
    Guid EventId,
    string EventType,
    DateTimeOffset OccurredAt,
    Guid AggregateId,
    long AggregateVersion,
    string Data,
    string? Traceparent,
    string? Tracestate)
{
    /// <summary>The message body: the <see cref="IntegrationEvent"/> envelope, written without re-parsing the payload.</summary>
    public byte[] ToEnvelopeJson()
    {
        var buffer = new ArrayBufferWriter<byte>(256 + Data.Length);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("eventId", EventId);
            writer.WriteString("eventType", EventType);
            writer.WriteString("occurredAt", OccurredAt);
            writer.WriteString("aggregateId", AggregateId);
            writer.WriteNumber("aggregateVersion", AggregateVersion);
            writer.WritePropertyName("data");
            writer.WriteRawValue(Data, skipInputValidation: true);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
