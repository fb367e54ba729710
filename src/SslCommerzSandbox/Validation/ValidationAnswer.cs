using System.Text.Json.Serialization;

namespace CareForAll.SslCommerzSandbox.Validation;

/// <summary>
/// The Order Validation API's answer for a known val_id (sslcommerz.md B 6): every scalar a string except the two
/// numeric flags, as real answers have them.
/// </summary>
internal sealed class ValidationAnswer
{
    public required string Status { get; init; }
    public required string TranDate { get; init; }
    public required string TranId { get; init; }
    public required string ValId { get; init; }
    public required string Amount { get; init; }
    public required string StoreAmount { get; init; }
    public required string Currency { get; init; }
    public required string BankTranId { get; init; }
    public required string CardType { get; init; }
    public required string CardNo { get; init; }
    public required string CardIssuer { get; init; }
    public required string CardBrand { get; init; }
    public required string CardSubBrand { get; init; }
    public required string CardCategory { get; init; }
    public required string CardIssuerCountry { get; init; }
    public required string CardIssuerCountryCode { get; init; }
    public required string CurrencyType { get; init; }
    public required string CurrencyAmount { get; init; }
    public required string CurrencyRate { get; init; }
    public required string BaseFair { get; init; }
    public required string ValueA { get; init; }
    public required string ValueB { get; init; }
    public required string ValueC { get; init; }
    public required string ValueD { get; init; }
    public required string EmiInstalment { get; init; }
    public required string EmiAmount { get; init; }
    public required string EmiDescription { get; init; }
    public required string EmiIssuer { get; init; }
    public required string AccountDetails { get; init; }
    public required string RiskTitle { get; init; }
    public required string RiskLevel { get; init; }

    [JsonPropertyName("APIConnect")]
    public required string ApiConnect { get; init; }

    public required string ValidatedOn { get; init; }
    public required string GwVersion { get; init; }
    public required string CardRefId { get; init; }
    public required int OfferAvail { get; init; }

    [JsonPropertyName("isTokeizeSuccess")]
    public required int IsTokeizeSuccess { get; init; }

    public required string CampaignCode { get; init; }
}
