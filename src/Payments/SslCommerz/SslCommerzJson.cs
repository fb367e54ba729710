using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareForAll.Payments.SslCommerz;

/// <summary>How the gateway's JSON is read: case-insensitive names, numbers from strings, any scalar as a string.</summary>
internal static class SslCommerzJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Converters = { new LenientStringConverter() },
    };
}
