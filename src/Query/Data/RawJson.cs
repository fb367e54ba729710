using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareForAll.Query.Data;

/// <summary>
/// A response body already serialized: the envelope writes these bytes as its <c>data</c> without serializing
/// anything again. Hot reads keep one per version, so a warm request costs no serialization of the figures.
/// </summary>
[JsonConverter(typeof(RawJsonConverter))]
internal sealed class RawJson(byte[] utf8)
{
    /// <summary>The UTF-8 JSON (one compact value, no line breaks).</summary>
    public ReadOnlyMemory<byte> Utf8 { get; } = utf8;

    public static RawJson From<T>(T value) => new(JsonSerializer.SerializeToUtf8Bytes(value, QueryJson.Options));

    public T Read<T>() => JsonSerializer.Deserialize<T>(Utf8.Span, QueryJson.Options)!;
}

internal sealed class RawJsonConverter : JsonConverter<RawJson>
{
    public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return new RawJson(JsonSerializer.SerializeToUtf8Bytes(document.RootElement));
    }

    public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
        // Our own serializer made these bytes; validating them again on every request would be the cost avoided.
        writer.WriteRawValue(value.Utf8.Span, skipInputValidation: true);
}

/// <summary>The JSON settings of the read side's cached bodies and pub/sub messages (web defaults: camelCase).</summary>
internal static class QueryJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
