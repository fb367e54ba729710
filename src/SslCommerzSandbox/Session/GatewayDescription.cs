using System.Text.Json.Serialization;

namespace CareForAll.SslCommerzSandbox.Session;

/// <summary>One item of the session answer's <c>desc</c>.</summary>
internal sealed record GatewayDescription(
    string Name,
    string Type,
    string Logo,
    string Gw,
    [property: JsonPropertyName("r_flag")] string RFlag,
    [property: JsonPropertyName("redirectGatewayURL")] string RedirectGatewayUrl);
