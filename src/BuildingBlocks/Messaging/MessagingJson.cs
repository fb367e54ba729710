using System.Text.Json;

namespace CareForAll.BuildingBlocks.Messaging;

/// <summary>The JSON settings of event envelopes and payloads: camelCase, web defaults.</summary>
public static class MessagingJson
{
    /// <summary>Shared serializer options (web defaults: camelCase, case-insensitive reads).</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
