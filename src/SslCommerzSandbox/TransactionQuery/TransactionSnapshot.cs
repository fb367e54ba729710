using CareForAll.SslCommerzSandbox.Gateway;

namespace CareForAll.SslCommerzSandbox.TransactionQuery;

/// <summary>
/// A session or one of its attempts as the query APIs report it: VALID turns VALIDATED once validated, a session
/// without attempts is PENDING, or EXPIRED after its lifetime.
/// </summary>
internal sealed class TransactionSnapshot
{
    private TransactionSnapshot(PaymentSession session, PaymentAttempt? attempt, string status)
    {
        Session = session;
        Attempt = attempt;
        Status = status;
    }

    public PaymentSession Session { get; }
    public PaymentAttempt? Attempt { get; }
    public string Status { get; }

    private PaymentMethod? Method => Attempt is { IsValid: true } ? Attempt.Method : null;

    public string TranDate => DhakaTime.Format(Attempt?.TranDate ?? Session.CreatedAt);
    public string ValId => Attempt?.ValId ?? "";
    public string Amount => Money.Format(Attempt?.Amount ?? Session.Amount);
    public string StoreAmount => Attempt?.StoreAmount is { } storeAmount ? Money.Format(storeAmount) : "";
    public string CardType => Method?.CardType ?? "";
    public string CardNo => Attempt?.CardNo ?? "";
    public string BankTranId => Attempt?.BankTranId ?? "";
    public string Error => Attempt?.Error ?? "";
    public string CardIssuer => Method?.CardIssuer ?? "";
    public string CardBrand => Method?.CardBrand ?? "";
    public string CardIssuerCountry => Method?.IssuerCountry ?? "";
    public string CardIssuerCountryCode => Method?.IssuerCountryCode ?? "";
    public string CurrencyAmount => Money.Format(Attempt?.CurrencyAmount ?? Session.CurrencyAmount);
    public string CurrencyRate => Currencies.FormatRate(Session.CurrencyRate);
    public string RiskLevel => (Attempt?.RiskLevel ?? 0).ToString(CultureInfo.InvariantCulture);
    public string RiskTitle => Attempt?.RiskTitle ?? "Safe";
    public string ValidatedOn => Attempt?.ValidatedAt is { } validatedAt ? DhakaTime.Format(validatedAt) : "";
    public string BankGateway => Attempt?.Method?.GatewayCode ?? "";

    /// <summary>What a session-key query reports: the paid attempt, else the latest, else the session itself.</summary>
    public static TransactionSnapshot OfSession(PaymentSession session, DateTimeOffset now, TimeSpan lifetime)
    {
        var attempts = session.Attempts;
        var attempt = attempts.FirstOrDefault(candidate => candidate.IsValid) ?? (attempts.Count > 0 ? attempts[^1] : null);
        return attempt is null ? Unattempted(session, now, lifetime) : Of(attempt);
    }

    /// <summary>What a tran_id query reports: one element per attempt, or the session itself when none was made.</summary>
    public static IEnumerable<TransactionSnapshot> OfAttempts(PaymentSession session, DateTimeOffset now, TimeSpan lifetime)
    {
        var attempts = session.Attempts;
        return attempts.Count == 0 ? [Unattempted(session, now, lifetime)] : attempts.Select(Of);
    }

    private static TransactionSnapshot Of(PaymentAttempt attempt) => new(
        attempt.Session,
        attempt,
        attempt.IsValid && attempt.ValidationCount > 0 ? TransactionStatus.Validated : attempt.Status);

    private static TransactionSnapshot Unattempted(PaymentSession session, DateTimeOffset now, TimeSpan lifetime) => new(
        session, null, session.IsExpired(now, lifetime) ? TransactionStatus.Expired : TransactionStatus.Pending);
}
