using System.Text.Json.Serialization;

namespace CareForAll.Payments.SslCommerz;

/// <summary>One attempt in a transaction query answer.</summary>
internal sealed class TransactionElement
{
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("tran_id")]
    public string? TranId { get; init; }

    [JsonPropertyName("val_id")]
    public string? ValId { get; init; }

    [JsonPropertyName("amount")]
    public string? Amount { get; init; }

    [JsonPropertyName("currency")]
    public string? Currency { get; init; }

    [JsonPropertyName("bank_tran_id")]
    public string? BankTranId { get; init; }

    [JsonPropertyName("tran_date")]
    public string? TranDate { get; init; }

    /// <summary>Why the attempt failed, when it did.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }
}
