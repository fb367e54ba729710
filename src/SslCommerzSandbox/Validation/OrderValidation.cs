using CareForAll.SslCommerzSandbox.Gateway;

namespace CareForAll.SslCommerzSandbox.Validation;

/// <summary>Answers the Order Validation API: VALID the first time a val_id is asked about, VALIDATED every later time.</summary>
internal sealed class OrderValidation(StoreCredentials credentials, Ledger ledger, TimeProvider time, ILogger<OrderValidation> logger)
{
    public object Validate(GatewayParameters parameters)
    {
        if (!credentials.Match(parameters))
        {
            return new InvalidTransaction(ApiConnectStatus.Failed);
        }

        if (parameters["val_id"] is not { } valId)
        {
            return new InvalidTransaction(ApiConnectStatus.InvalidRequest);
        }

        if (ledger.FindByValId(valId) is not { IsValid: true } attempt)
        {
            return new InvalidTransaction(ApiConnectStatus.Done);
        }

        var (first, validatedAt) = attempt.Validate(time.GetUtcNow());
        var status = first ? TransactionStatus.Valid : TransactionStatus.Validated;
        logger.OrderValidated(valId, status);

        var session = attempt.Session;
        var method = attempt.Method ?? PaymentMethod.BKash;
        return new ValidationAnswer
        {
            Status = status,
            TranDate = DhakaTime.Format(attempt.TranDate),
            TranId = session.TranId,
            ValId = attempt.ValId,
            Amount = Money.Format(attempt.Amount),
            StoreAmount = Money.Format(attempt.StoreAmount ?? 0m),
            Currency = Currencies.Settlement,
            BankTranId = attempt.BankTranId,
            CardType = method.CardType,
            CardNo = attempt.CardNo,
            CardIssuer = method.CardIssuer,
            CardBrand = method.CardBrand,
            CardSubBrand = method.CardSubBrand,
            CardCategory = method.CardCategory,
            CardIssuerCountry = method.IssuerCountry,
            CardIssuerCountryCode = method.IssuerCountryCode,
            CurrencyType = session.CurrencyType,
            CurrencyAmount = Money.Format(attempt.CurrencyAmount),
            CurrencyRate = Currencies.FormatRate(session.CurrencyRate),
            BaseFair = "0.00",
            ValueA = session.ValueA,
            ValueB = session.ValueB,
            ValueC = session.ValueC,
            ValueD = session.ValueD,
            EmiInstalment = "0",
            EmiAmount = "0.00",
            EmiDescription = "",
            EmiIssuer = method.CardIssuer,
            AccountDetails = "",
            RiskTitle = attempt.RiskTitle,
            RiskLevel = attempt.RiskLevel.ToString(CultureInfo.InvariantCulture),
            ApiConnect = ApiConnectStatus.Done,
            ValidatedOn = DhakaTime.Format(validatedAt),
            GwVersion = "",
            CardRefId = attempt.CardRefId,
            OfferAvail = 1,
            IsTokeizeSuccess = 0,
            CampaignCode = "",
        };
    }
}
