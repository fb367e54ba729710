using System.Text.Json.Serialization;

namespace CareForAll.Payments.SslCommerz;

/// <summary>The session API's answer (B 2.3); only what we use is mapped.</summary>
internal sealed class SessionResponse
{
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("failedreason")]
    public string? FailedReason { get; init; }

    [JsonPropertyName("sessionkey")]
    public string? SessionKey { get; init; }

    [JsonPropertyName("GatewayPageURL")]
    public string? GatewayPageUrl { get; init; }

    public bool Succeeded =>
        GatewayStatus.Normalize(Status) == GatewayStatus.Success && !string.IsNullOrWhiteSpace(GatewayPageUrl);
}
