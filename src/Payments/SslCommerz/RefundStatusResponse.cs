using System.Text.Json.Serialization;

namespace CareForAll.Payments.SslCommerz;

/// <summary>The refund status API's answer (B 8.2): refunded, processing or cancelled.</summary>
internal sealed class RefundStatusResponse
{
    [JsonPropertyName("APIConnect")]
    public string? ApiConnect { get; init; }

    [JsonPropertyName("refund_ref_id")]
    public string? RefundRefId { get; init; }

    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("initiated_on")]
    public string? InitiatedOn { get; init; }

    [JsonPropertyName("refunded_on")]
    public string? RefundedOn { get; init; }

    [JsonPropertyName("errorReason")]
    public string? ErrorReason { get; init; }

    [JsonIgnore]
    public string RawJson { get; set; } = "{}";

    public string NormalizedStatus => (Status ?? "").Trim().ToUpperInvariant();
}
