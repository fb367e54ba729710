using System.Text.Json;

namespace CareForAll.Pledges.Data;

/// <summary>Conversions the mappers share between database values and answers.</summary>
internal static class Conversions
{
    /// <summary>Npgsql reads timestamptz as a UTC DateTime.</summary>
    public static DateTimeOffset ToUtc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static DateTimeOffset? ToUtc(DateTime? value) => value is { } at ? ToUtc(at) : null;

    /// <summary>Metadata is stored as jsonb and read back as its text.</summary>
    public static JsonElement? ToJson(string? text) =>
        string.IsNullOrEmpty(text) ? null : JsonSerializer.Deserialize<JsonElement>(text);

    /// <summary>Optional text is stored trimmed, and not at all when blank.</summary>
    public static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
