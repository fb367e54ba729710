using System.Text.Json.Serialization;

namespace CareForAll.ServiceDefaults.Api;

/// <summary><c>{ success: true, data: [...], pagination, meta }</c>.</summary>
/// <param name="Data">The items of the page.</param>
/// <param name="Pagination">Where the page sits in the whole list.</param>
/// <param name="Meta">Timestamp and request id.</param>
public sealed record PagedEnvelope(object Data, Pagination Pagination, EnvelopeMeta Meta) : IApiEnvelope
{
    /// <inheritdoc />
    [JsonPropertyOrder(-1)]
    public bool Success => true;
}
