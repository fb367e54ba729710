using System.Text.Json.Serialization;

namespace CareForAll.Payments.SslCommerz;

/// <summary>The Order Validation API's answer (B 6), every value read as a string.</summary>
internal sealed class ValidationResponse
{
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("tran_date")]
    public string? TranDate { get; init; }

    [JsonPropertyName("tran_id")]
    public string? TranId { get; init; }

    [JsonPropertyName("val_id")]
    public string? ValId { get; init; }

    [JsonPropertyName("amount")]
    public string? Amount { get; init; }

    [JsonPropertyName("store_amount")]
    public string? StoreAmount { get; init; }

    [JsonPropertyName("currency")]
    public string? Currency { get; init; }

    [JsonPropertyName("bank_tran_id")]
    public string? BankTranId { get; init; }

    [JsonPropertyName("card_type")]
    public string? CardType { get; init; }

    [JsonPropertyName("card_no")]
    public string? CardNo { get; init; }

    [JsonPropertyName("card_issuer")]
    public string? CardIssuer { get; init; }

    [JsonPropertyName("card_brand")]
    public string? CardBrand { get; init; }

    [JsonPropertyName("currency_type")]
    public string? CurrencyType { get; init; }

    [JsonPropertyName("currency_amount")]
    public string? CurrencyAmount { get; init; }

    [JsonPropertyName("value_a")]
    public string? ValueA { get; init; }

    [JsonPropertyName("risk_level")]
    public string? RiskLevel { get; init; }

    [JsonPropertyName("risk_title")]
    public string? RiskTitle { get; init; }

    [JsonPropertyName("APIConnect")]
    public string? ApiConnect { get; init; }

    /// <summary>The body as received, kept in <c>payments.gateway_response</c>.</summary>
    [JsonIgnore]
    public string RawJson { get; set; } = "{}";
}
