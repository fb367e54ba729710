using System.Text.Json.Serialization;

namespace CareForAll.ServiceDefaults.Api;

/// <summary><c>{ success: false, error: { code, message, details }, meta }</c>.</summary>
/// <param name="Error">What went wrong.</param>
/// <param name="Meta">Timestamp and request id.</param>
public sealed record ErrorEnvelope(ApiError Error, EnvelopeMeta Meta) : IApiEnvelope
{
    /// <inheritdoc />
    [JsonPropertyOrder(-1)]
    public bool Success => false;
}
