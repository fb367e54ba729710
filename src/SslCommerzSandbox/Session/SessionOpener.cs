using CareForAll.SslCommerzSandbox.Gateway;

namespace CareForAll.SslCommerzSandbox.Session;

/// <summary>Opens a checkout session: credentials first, then the request's terms, then the answer with the page URL.</summary>
internal sealed class SessionOpener(
    StoreCredentials credentials,
    Ledger ledger,
    TimeProvider time,
    IOptions<SandboxOptions> options,
    ILogger<SessionOpener> logger)
{
    /// <summary>Where each desc item's redirectGatewayURL points: the checkout page with that channel chosen.</summary>
    public const string DirectGatewayPath = "/gwprocess/v4/bankgw/indexhtmlOTP.php";

    public object Open(GatewayParameters parameters, string baseUrl)
    {
        if (!credentials.Match(parameters))
        {
            return Refuse(SessionRefusal.CredentialError);
        }

        var (terms, failure) = SessionTermsReader.Read(parameters);
        if (terms is null)
        {
            return Refuse(failure!);
        }

        var now = time.GetUtcNow();
        var session = new PaymentSession
        {
            SessionKey = GatewayIds.NewSessionKey(),
            SslId = GatewayIds.NewTransactionId(now),
            StoreId = options.Value.StoreId,
            TranId = terms.TranId,
            Amount = terms.Amount,
            CurrencyType = terms.CurrencyType,
            CurrencyAmount = terms.CurrencyAmount,
            CurrencyRate = terms.CurrencyRate,
            SuccessUrl = terms.SuccessUrl,
            FailUrl = terms.FailUrl,
            CancelUrl = terms.CancelUrl,
            IpnUrl = terms.IpnUrl,
            ValueA = terms.ValueA,
            ValueB = terms.ValueB,
            ValueC = terms.ValueC,
            ValueD = terms.ValueD,
            ProductName = terms.ProductName,
            CustomerName = terms.CustomerName,
            MultiCardName = terms.MultiCardName,
            Gateways = GatewayCatalog.Offered(terms.MultiCardName),
            CreatedAt = now,
        };
        ledger.Add(session);
        logger.SessionOpened(session.SessionKey, session.TranId, session.Amount);
        return Answer(session, baseUrl);
    }

    private SessionAnswer Answer(PaymentSession session, string baseUrl)
    {
        string Codes(string type) => string.Join(',', session.Gateways.Where(entry => entry.Type == type).Select(entry => entry.Gw));
        var logo = baseUrl + "/stores/logos/demoLogo.png";
        return new SessionAnswer
        {
            Sessionkey = session.SessionKey,
            Gw = new GatewayGroups(
                Codes("visa"), Codes("master"), Codes("amex"), Codes("othercards"), Codes("internetbanking"), Codes("mobilebanking")),
            GatewayPageUrl = GatewayUrls.CheckoutPage(baseUrl, session.SessionKey),
            StoreBanner = logo,
            StoreLogo = logo,
            StoreName = options.Value.StoreName,
            Desc =
            [
                .. session.Gateways.Select(entry => new GatewayDescription(
                    entry.Name,
                    entry.Type,
                    $"{baseUrl}/gwprocess/v4/image/gw/{entry.Logo}",
                    entry.Gw,
                    "1",
                    $"{baseUrl}{DirectGatewayPath}?mamount={Money.Format(session.Amount)}&ssl_id={session.SslId}"
                        + $"&Q=REDIRECT&SESSIONKEY={session.SessionKey}&tran_type=success&cardname={entry.Gw}")),
            ],
        };
    }

    private SessionRefusal Refuse(string reason)
    {
        logger.SessionRefused(reason);
        return new SessionRefusal(reason);
    }
}
