using System.Text.Json.Serialization;

namespace CareForAll.SslCommerzSandbox.Refunds;

/// <summary>The refund status API's answer (sslcommerz.md B 8.2).</summary>
internal sealed class RefundStatusAnswer
{
    [JsonPropertyName("APIConnect")]
    public required string ApiConnect { get; init; }

    public string? BankTranId { get; init; }
    public string? TranId { get; init; }
    public required string RefundRefId { get; init; }
    public string? InitiatedOn { get; init; }

    /// <summary>"" while the refund is processing.</summary>
    public string? RefundedOn { get; init; }

    /// <summary>"processing" or "refunded" ("failed" for an unknown refund_ref_id).</summary>
    public required string Status { get; init; }

    [JsonPropertyName("errorReason")]
    public required string ErrorReason { get; init; }
}
