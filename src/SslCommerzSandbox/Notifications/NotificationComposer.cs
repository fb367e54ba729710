using CareForAll.SslCommerzSandbox.Gateway;
using CareForAll.SslCommerzSandbox.Signing;

namespace CareForAll.SslCommerzSandbox.Notifications;

/// <summary>
/// Writes an attempt's notification in the order real payloads show (sslcommerz.md B 4.2). A VALID one carries the
/// full card set and signs the 27 keys of B 5.3; failed, cancelled, unattempted and expired ones carry fewer card
/// fields and sign everything they post except verify_* (the shapes of the payloads SDK test suites copy).
/// </summary>
internal sealed class NotificationComposer(IOptions<SandboxOptions> options)
{
    private const string SubscriptionId = "subscription_id";

    /// <summary>The attempt's notification; <paramref name="forged"/> signs it with a wrong password, as a forger would.</summary>
    public Notification Compose(PaymentAttempt attempt, bool forged = false)
    {
        var (head, tail) = attempt.Status switch
        {
            TransactionStatus.Valid => Valid(attempt),
            TransactionStatus.Failed => Failed(attempt),
            TransactionStatus.Unattempted => Unattempted(attempt),
            _ => Closed(attempt),
        };

        var password = forged ? options.Value.StorePassword + "-forged" : options.Value.StorePassword;
        var signature = NotificationSigner.Sign(head.Concat(tail).Where(field => field.Key != SubscriptionId), password);
        List<KeyValuePair<string, string>> fields =
        [
            .. head,
            new(NotificationSigner.VerifySign, signature.VerifySign),
            new(NotificationSigner.VerifyKey, signature.VerifyKey),
            new(NotificationSigner.VerifySignSha2, signature.VerifySignSha2),
            .. tail,
        ];
        return new Notification(attempt.Session.TranId, attempt.Status, fields);
    }

    private static (Fields Head, Fields Tail) Valid(PaymentAttempt attempt)
    {
        var method = attempt.Method ?? PaymentMethod.BKash;
        var head = new Fields
        {
            { "tran_id", attempt.Session.TranId },
            { "val_id", attempt.ValId },
            { "amount", Money.Format(attempt.Amount) },
            { "card_type", method.CardType },
            { "store_amount", Money.Format(attempt.StoreAmount ?? 0m) },
            { "card_no", attempt.CardNo },
            { "bank_tran_id", attempt.BankTranId },
            { "status", attempt.Status },
            { "tran_date", DhakaTime.Format(attempt.TranDate) },
            { "error", attempt.Error },
            { "currency", Currencies.Settlement },
            { "card_issuer", method.CardIssuer },
            { "card_brand", method.CardBrand },
            { "card_sub_brand", method.CardSubBrand },
            { "card_issuer_country", method.IssuerCountry },
            { "card_issuer_country_code", method.IssuerCountryCode },
            { "store_id", attempt.Session.StoreId },
        };
        var tail = Conversion(attempt);
        tail.AddValues(attempt.Session);
        tail.Add(SubscriptionId, "");
        tail.Add("risk_level", attempt.RiskLevel.ToString(CultureInfo.InvariantCulture));
        tail.Add("risk_title", attempt.RiskTitle);
        return (head, tail);
    }

    private static (Fields Head, Fields Tail) Failed(PaymentAttempt attempt)
    {
        var head = new Fields
        {
            { "tran_id", attempt.Session.TranId },
            { "amount", Money.Format(attempt.Amount) },
            { "card_type", "" },
            { "card_no", "" },
            { "bank_tran_id", attempt.BankTranId },
            { "status", attempt.Status },
            { "tran_date", DhakaTime.Format(attempt.TranDate) },
            { "error", attempt.Error },
            { "currency", Currencies.Settlement },
            { "card_issuer", "" },
            { "card_brand", "" },
            { "card_sub_brand", "" },
            { "card_issuer_country", "" },
            { "card_issuer_country_code", "" },
            { "store_id", attempt.Session.StoreId },
        };
        var tail = Conversion(attempt);
        tail.AddValues(attempt.Session);
        return (head, tail);
    }

    private static (Fields Head, Fields Tail) Unattempted(PaymentAttempt attempt)
    {
        var head = new Fields
        {
            { "tran_id", attempt.Session.TranId },
            { "val_id", "" },
            { "amount", Money.Format(attempt.Amount) },
            { "card_type", "" },
            { "store_amount", "" },
            { "card_no", "" },
            { "bank_tran_id", "" },
            { "status", attempt.Status },
            { "tran_date", DhakaTime.Format(attempt.TranDate) },
            { "error", attempt.Error },
            { "currency", Currencies.Settlement },
            { "card_issuer", "" },
            { "card_brand", "" },
            { "card_sub_brand", "" },
            { "card_issuer_country", "" },
            { "card_issuer_country_code", "" },
            { "store_id", attempt.Session.StoreId },
        };
        var tail = Conversion(attempt);
        tail.AddValues(attempt.Session);
        tail.Add("risk_level", "0");
        tail.Add("risk_title", "Safe");
        return (head, tail);
    }

    // Cancelled and expired: the payer never reached a bank, so no card fields at all.
    private static (Fields Head, Fields Tail) Closed(PaymentAttempt attempt)
    {
        var head = new Fields
        {
            { "tran_id", attempt.Session.TranId },
            { "amount", Money.Format(attempt.Amount) },
            { "bank_tran_id", "" },
            { "status", attempt.Status },
            { "tran_date", DhakaTime.Format(attempt.TranDate) },
            { "error", attempt.Error },
            { "currency", Currencies.Settlement },
            { "store_id", attempt.Session.StoreId },
        };
        var tail = Conversion(attempt);
        tail.AddValues(attempt.Session);
        return (head, tail);
    }

    private static Fields Conversion(PaymentAttempt attempt) => new()
    {
        { "currency_type", attempt.Session.CurrencyType },
        { "currency_amount", Money.Format(attempt.CurrencyAmount) },
        { "currency_rate", Currencies.FormatRate(attempt.Session.CurrencyRate) },
        { "base_fair", "0.00" },
    };

    /// <summary>An ordered field list with collection-initializer syntax.</summary>
    private sealed class Fields : List<KeyValuePair<string, string>>
    {
        public void Add(string key, string value) => Add(new KeyValuePair<string, string>(key, value));

        public void AddValues(PaymentSession session)
        {
            Add("value_a", session.ValueA);
            Add("value_b", session.ValueB);
            Add("value_c", session.ValueC);
            Add("value_d", session.ValueD);
        }
    }
}
