using System.Text.Json.Serialization;

namespace CareForAll.Payments.SslCommerz;

/// <summary>The refund API's answer (B 8.1): status success, processing or failed.</summary>
internal sealed class RefundResponse
{
    [JsonPropertyName("APIConnect")]
    public string? ApiConnect { get; init; }

    [JsonPropertyName("bank_tran_id")]
    public string? BankTranId { get; init; }

    [JsonPropertyName("trans_id")]
    public string? TransId { get; init; }

    [JsonPropertyName("refund_ref_id")]
    public string? RefundRefId { get; init; }

    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("errorReason")]
    public string? ErrorReason { get; init; }

    [JsonIgnore]
    public string RawJson { get; set; } = "{}";

    /// <summary>The gateway took the refund (it answers success or processing, with a reference).</summary>
    public bool Accepted =>
        Status?.Trim().ToUpperInvariant() is "SUCCESS" or "PROCESSING" && !string.IsNullOrWhiteSpace(RefundRefId);
}
