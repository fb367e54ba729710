using CareForAll.SslCommerzSandbox.Gateway;

namespace CareForAll.SslCommerzSandbox.TransactionQuery;

/// <summary>One element of a query by tran_id (sslcommerz.md B 7.2): one per attempt.</summary>
internal sealed class TranQueryElement(TransactionSnapshot snapshot)
{
    public string TranId { get; } = snapshot.Session.TranId;
    public string ValId { get; } = snapshot.ValId;
    public string Amount { get; } = snapshot.Amount;
    public string CardType { get; } = snapshot.CardType;
    public string StoreAmount { get; } = snapshot.StoreAmount;
    public string CardNo { get; } = snapshot.CardNo;
    public string BankTranId { get; } = snapshot.BankTranId;
    public string Status { get; } = snapshot.Status;
    public string TranDate { get; } = snapshot.TranDate;
    public string Error { get; } = snapshot.Error;
    public string Currency { get; } = Currencies.Settlement;
    public string CardIssuer { get; } = snapshot.CardIssuer;
    public string CardBrand { get; } = snapshot.CardBrand;
    public string CardIssuerCountry { get; } = snapshot.CardIssuerCountry;
    public string CardIssuerCountryCode { get; } = snapshot.CardIssuerCountryCode;
    public string CurrencyType { get; } = snapshot.Session.CurrencyType;
    public string CurrencyAmount { get; } = snapshot.CurrencyAmount;
    public string CurrencyRate { get; } = snapshot.CurrencyRate;
    public string BaseFair { get; } = "0.00";
    public string ValueA { get; } = snapshot.Session.ValueA;
    public string ValueB { get; } = snapshot.Session.ValueB;
    public string ValueC { get; } = snapshot.Session.ValueC;
    public string ValueD { get; } = snapshot.Session.ValueD;
    public string EmiInstalment { get; } = "0";
    public string EmiAmount { get; } = "0.00";
    public string EmiDescription { get; } = "";
    public string EmiIssuer { get; } = snapshot.CardIssuer;
    public string DiscountPercentage { get; } = "0";
    public string DiscountRemarks { get; } = "";
    public string RiskTitle { get; } = snapshot.RiskTitle;
    public string RiskLevel { get; } = snapshot.RiskLevel;
    public string ValidatedOn { get; } = snapshot.ValidatedOn;
    public string GwVersion { get; } = "";
    public string BankGw { get; } = snapshot.BankGateway;
}
