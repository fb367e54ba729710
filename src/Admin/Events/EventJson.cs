using System.Text.Json;
using CareForAll.BuildingBlocks.Messaging;

namespace CareForAll.Admin.Events;

/// <summary>Reads an event's payload as the type the admin needs of it.</summary>
internal static class EventJson
{
    public static T Read<T>(IntegrationEvent envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return envelope.Data.Deserialize<T>(MessagingJson.Options)
            ?? throw new JsonException($"Event {envelope.EventId} ({envelope.EventType}) has no data.");
    }
}
