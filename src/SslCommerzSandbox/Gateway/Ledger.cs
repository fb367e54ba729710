using System.Collections.Concurrent;

namespace CareForAll.SslCommerzSandbox.Gateway;

/// <summary>Everything the emulated gateway knows, in memory, indexed the ways its APIs look things up.</summary>
internal sealed class Ledger
{
    private readonly ConcurrentDictionary<string, PaymentSession> _sessions = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<PaymentSession>> _sessionsByTranId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PaymentAttempt> _attemptsByValId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PaymentAttempt> _attemptsByBankTranId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Refund> _refunds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Refund> _refundsByTransId = new(StringComparer.Ordinal);

    public void Add(PaymentSession session)
    {
        _sessions[session.SessionKey] = session;
        _sessionsByTranId.GetOrAdd(session.TranId, _ => new ConcurrentQueue<PaymentSession>()).Enqueue(session);
    }

    /// <summary>The session with this key, in either case (the checkout URL carries it in lower case).</summary>
    public PaymentSession? FindSession(string sessionKey) => _sessions.GetValueOrDefault(sessionKey);

    /// <summary>Every session opened for this tran_id, oldest first.</summary>
    public IReadOnlyList<PaymentSession> SessionsFor(string tranId) =>
        _sessionsByTranId.TryGetValue(tranId, out var sessions) ? [.. sessions] : [];

    public PaymentSession? LatestSession(string tranId)
    {
        var sessions = SessionsFor(tranId);
        return sessions.Count > 0 ? sessions[^1] : null;
    }

    /// <summary>Records a payer's attempts unless the session refuses them.</summary>
    public AttemptRefusal TryRecord(PaymentSession session, IReadOnlyList<PaymentAttempt> attempts, DateTimeOffset now, TimeSpan lifetime)
    {
        var refusal = session.TryAdd(attempts, now, lifetime);
        if (refusal == AttemptRefusal.None)
        {
            foreach (var attempt in attempts)
            {
                Index(attempt);
            }
        }

        return refusal;
    }

    /// <summary>Records an attempt whatever the session's state (hand-made notifications).</summary>
    public void Record(PaymentAttempt attempt)
    {
        attempt.Session.Add(attempt);
        Index(attempt);
    }

    public PaymentAttempt? FindByValId(string valId) => _attemptsByValId.GetValueOrDefault(valId);

    public PaymentAttempt? FindByBankTranId(string bankTranId) => _attemptsByBankTranId.GetValueOrDefault(bankTranId);

    public Refund? FindRefund(string refundRefId) => _refunds.GetValueOrDefault(refundRefId);

    /// <summary>Adds a refund, refusing a refund_trans_id used before or more than the attempt still holds.</summary>
    public string? TryAddRefund(Refund refund)
    {
        if (refund.RefundTransId is { } transId && !_refundsByTransId.TryAdd(transId, refund))
        {
            return "Duplicate refund_trans_id";
        }

        var refusal = refund.Attempt.TryAddRefund(refund);
        if (refusal is not null)
        {
            if (refund.RefundTransId is { } usedTransId)
            {
                _refundsByTransId.TryRemove(usedTransId, out _);
            }

            return refusal;
        }

        _refunds[refund.RefundRefId] = refund;
        return null;
    }

    private void Index(PaymentAttempt attempt)
    {
        if (attempt.ValId.Length > 0)
        {
            _attemptsByValId[attempt.ValId] = attempt;
        }

        if (attempt.BankTranId.Length > 0)
        {
            _attemptsByBankTranId[attempt.BankTranId] = attempt;
        }
    }
}
