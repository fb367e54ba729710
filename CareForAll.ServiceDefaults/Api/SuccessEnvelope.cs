using System.Text.Json.Serialization;

namespace CareForAll.ServiceDefaults.Api;

/// <summary><c>{ success: true, data, meta }</c>.</summary>
/// <param name="Data">The endpoint's response.</param>
/// <param name="Meta">Timestamp and request id.</param>
public sealed record SuccessEnvelope(object? Data, EnvelopeMeta Meta) : IApiEnvelope
{
    /// <inheritdoc />
    [JsonPropertyOrder(-1)]
    public bool Success => true;
}
