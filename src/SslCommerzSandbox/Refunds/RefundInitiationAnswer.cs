using System.Text.Json.Serialization;

namespace CareForAll.SslCommerzSandbox.Refunds;

/// <summary>The refund API's answer (sslcommerz.md B 8.1); trans_id and refund_ref_id only when they are known.</summary>
internal sealed class RefundInitiationAnswer
{
    [JsonPropertyName("APIConnect")]
    public required string ApiConnect { get; init; }

    public required string? BankTranId { get; init; }

    /// <summary>The original tran_id, once the bank_tran_id is known.</summary>
    public string? TransId { get; init; }

    public string? RefundRefId { get; init; }

    /// <summary>"success" or "failed".</summary>
    public required string Status { get; init; }

    [JsonPropertyName("errorReason")]
    public required string ErrorReason { get; init; }
}
