namespace CareForAll.SslCommerzSandbox.Gateway;

/// <summary>Makes the attempt a payer's choice produces, with ids, dates and amounts shaped like the real gateway's.</summary>
internal sealed class AttemptFactory(TimeProvider time, IOptions<SandboxOptions> options)
{
    /// <summary>
    /// An attempt with <paramref name="status"/>. <paramref name="currencyAmount"/> overrides the session's amount
    /// (hand-made notifications); <paramref name="ago"/> places the attempt in the past (an earlier failure).
    /// </summary>
    public PaymentAttempt Create(
        PaymentSession session,
        string status,
        PaymentMethod? method,
        int riskLevel,
        decimal? currencyAmount = null,
        TimeSpan ago = default)
    {
        var now = time.GetUtcNow() - ago;
        var paid = status == TransactionStatus.Valid;
        var failed = status == TransactionStatus.Failed;
        var charged = paid || failed ? (method ?? PaymentMethod.BKash).ForRisk(paid ? riskLevel : 0) : null;
        var amount = currencyAmount is { } asked ? Money.RoundCents(asked * session.CurrencyRate) : session.Amount;

        return new PaymentAttempt
        {
            Session = session,
            Status = status,
            Method = charged,
            RiskLevel = paid ? riskLevel : 0,
            ValId = paid ? GatewayIds.NewTransactionId(now) : "",
            BankTranId = paid || failed ? GatewayIds.NewTransactionId(now) : "",
            CardNo = paid && charged?.CardBin is { } bin ? GatewayIds.MaskedCardNumber(bin) : "",
            CardRefId = paid ? GatewayIds.NewCardRefId() : "",
            Error = failed && charged?.CardBin is null ? "Payment declined by the wallet" : TransactionStatus.ErrorFor(status),
            Amount = amount,
            CurrencyAmount = currencyAmount ?? session.CurrencyAmount,
            StoreAmount = paid ? Money.RoundCents(amount * (1 - options.Value.FeeRate)) : null,
            // The gateway stamps tran_date when the payer starts, 8 to 29 seconds before the ids in real captures.
            TranDate = now - GatewayIds.SecondsBetween(8, 29),
        };
    }
}
