using System.Text.Json.Serialization;
using CareForAll.SslCommerzSandbox.Gateway;
using CareForAll.SslCommerzSandbox.Validation;

namespace CareForAll.SslCommerzSandbox.TransactionQuery;

/// <summary>The flat answer of a query by session key (sslcommerz.md B 7.1).</summary>
internal sealed class SessionQueryAnswer(TransactionSnapshot snapshot)
{
    [JsonPropertyName("APIConnect")]
    public string ApiConnect { get; } = ApiConnectStatus.Done;

    public string Status { get; } = snapshot.Status;
    public string Sessionkey { get; } = snapshot.Session.SessionKey;
    public string TranDate { get; } = snapshot.TranDate;
    public string TranId { get; } = snapshot.Session.TranId;
    public string ValId { get; } = snapshot.ValId;
    public string Amount { get; } = snapshot.Amount;
    public string StoreAmount { get; } = snapshot.StoreAmount;
    public string CardType { get; } = snapshot.CardType;
    public string CardNo { get; } = snapshot.CardNo;
    public string Currency { get; } = Currencies.Settlement;
    public string BankTranId { get; } = snapshot.BankTranId;
    public string CardIssuer { get; } = snapshot.CardIssuer;
    public string CardBrand { get; } = snapshot.CardBrand;
    public string CardIssuerCountry { get; } = snapshot.CardIssuerCountry;
    public string CardIssuerCountryCode { get; } = snapshot.CardIssuerCountryCode;
    public string CurrencyType { get; } = snapshot.Session.CurrencyType;
    public string CurrencyAmount { get; } = snapshot.CurrencyAmount;
    public string CurrencyRate { get; } = snapshot.CurrencyRate;
    public string EmiInstalment { get; } = "0";
    public string EmiAmount { get; } = "0.00";
    public string DiscountPercentage { get; } = "0";
    public string DiscountRemarks { get; } = "";
    public string BaseFair { get; } = "0.00";
    public string ValueA { get; } = snapshot.Session.ValueA;
    public string ValueB { get; } = snapshot.Session.ValueB;
    public string ValueC { get; } = snapshot.Session.ValueC;
    public string ValueD { get; } = snapshot.Session.ValueD;
    public string RiskLevel { get; } = snapshot.RiskLevel;
    public string RiskTitle { get; } = snapshot.RiskTitle;
    public string ValidatedOn { get; } = snapshot.ValidatedOn;
    public string GwVersion { get; } = "";
}
