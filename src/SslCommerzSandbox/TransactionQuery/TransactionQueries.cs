using CareForAll.SslCommerzSandbox.Gateway;

namespace CareForAll.SslCommerzSandbox.TransactionQuery;

/// <summary>Answers the transaction queries, by session key and by tran_id.</summary>
internal sealed class TransactionQueries(Ledger ledger, TimeProvider time, IOptions<SandboxOptions> options)
{
    public object BySession(string sessionKey)
    {
        if (ledger.FindSession(sessionKey) is not { } session)
        {
            return new UnknownSession(sessionKey);
        }

        return new SessionQueryAnswer(TransactionSnapshot.OfSession(session, time.GetUtcNow(), options.Value.SessionLifetime));
    }

    public object ByTranId(string tranId)
    {
        var sessions = ledger.SessionsFor(tranId);
        if (sessions.Count == 0)
        {
            return new TranQueryAnswer([new UnknownTransaction(tranId, TransactionStatus.Invalid)], 0);
        }

        var now = time.GetUtcNow();
        TranQueryElement[] elements =
        [
            .. sessions.SelectMany(session => TransactionSnapshot.OfAttempts(session, now, options.Value.SessionLifetime))
                .Select(snapshot => new TranQueryElement(snapshot)),
        ];
        return new TranQueryAnswer(elements, elements.Length);
    }
}
