using CareForAll.SslCommerzSandbox.Checkout;
using CareForAll.SslCommerzSandbox.Gateway;
using CareForAll.SslCommerzSandbox.Notifications;
using CareForAll.SslCommerzSandbox.TransactionQuery;

namespace CareForAll.SslCommerzSandbox.Control;

/// <summary>The control API's work: scripted payments, hand-made notifications and the emulator's view of a tran_id.</summary>
internal sealed class SandboxControl(
    Ledger ledger,
    PaymentCompletion completion,
    AttemptFactory attempts,
    NotificationComposer composer,
    NotificationPoster poster,
    TimeProvider time,
    IOptions<SandboxOptions> options)
{
    private static readonly string[] Targets = ["ipn", "success", "fail", "cancel"];

    public PayResponse Pay(PayRequest request)
    {
        var session = FindSession(request.TranId, request.SessionKey);
        var (choice, plan) = PayRequestReader.Read(request, session);
        var result = completion.Complete(session, choice, plan);
        var attempt = result.Refusal switch
        {
            AttemptRefusal.AlreadyPaid => throw new ApiException(
                StatusCodes.Status409Conflict, "SESSION_ALREADY_PAID", $"Session {session.SessionKey} has already been paid."),
            AttemptRefusal.Expired => throw new ApiException(
                StatusCodes.Status409Conflict, "SESSION_EXPIRED", $"Session {session.SessionKey} has expired; only EXPIRED is possible."),
            _ => result.Attempt!,
        };

        return new PayResponse(
            session.TranId,
            session.SessionKey,
            attempt.Status,
            NullIfEmpty(attempt.ValId),
            NullIfEmpty(attempt.BankTranId),
            session.CurrencyAmount,
            session.CurrencyType);
    }

    /// <summary>
    /// Sends one notification now and returns its delivery. VALID replays the paid attempt, unless an amount is
    /// claimed or nothing was paid: then a new VALID attempt is made, which the validator knows unless tampered.
    /// Any other status is a new attempt. Tampered notifications are never recorded: the gateway did not send them.
    /// </summary>
    public async Task<DeliveryRecord> NotifyAsync(NotificationRequest request, CancellationToken cancellationToken)
    {
        var session = FindSession(request.TranId, sessionKey: null);
        var errors = new ValidationErrors();
        var status = request.Status is null ? TransactionStatus.Valid : TransactionStatus.ParseOutcome(request.Status);
        if (status is null)
        {
            errors.Add("status", $"Must be one of {string.Join(", ", TransactionStatus.Outcomes)}.");
        }

        var target = request.Target?.Trim().ToLowerInvariant() ?? "ipn";
        if (!Targets.Contains(target))
        {
            errors.Add("target", "Must be one of ipn, success, fail, cancel.");
        }
        else if (target == "ipn" && session.IpnUrl is null)
        {
            errors.Add("target", "The session has no ipn_url.");
        }

        if (request.Amount is { } claimed && (claimed <= 0m || claimed != Math.Round(claimed, 2)))
        {
            errors.Add("amount", "Must be a positive amount with at most 2 decimals.");
        }

        var method = PayRequestReader.ReadMethod(request.Method, session, errors, "method");
        var riskLevel = PayRequestReader.ReadRiskLevel(request.RiskLevel, errors, "riskLevel");
        errors.ThrowIfAny();

        var tamper = request.Tamper ?? false;
        var attempt = status == TransactionStatus.Valid && request.Amount is null && session.PaidAttempt is { } paid
            ? paid
            : NewAttempt(session, status!, method, riskLevel, request.Amount, record: !tamper);
        var notification = composer.Compose(attempt, forged: tamper);
        var url = target switch
        {
            "success" => session.SuccessUrl,
            "fail" => session.FailUrl,
            "cancel" => session.CancelUrl,
            _ => session.IpnUrl!,
        };
        var kind = target == "ipn" ? DeliveryRecord.Ipn : DeliveryRecord.Browser;
        return await poster.PostAsync(kind, notification, url, attempt: 1, copy: 1, cancellationToken);
    }

    public TransactionView View(string tranId)
    {
        var sessions = ledger.SessionsFor(tranId);
        if (sessions.Count == 0)
        {
            throw new ApiException(StatusCodes.Status404NotFound, ErrorCodes.NotFound, $"No session was opened for tran_id {tranId}.");
        }

        var now = time.GetUtcNow();
        var lifetime = options.Value.SessionLifetime;
        return new TransactionView(tranId, [.. sessions.Select(session => new SessionView(
            session.SessionKey,
            TransactionSnapshot.OfSession(session, now, lifetime).Status,
            session.CreatedAt,
            session.CreatedAt + lifetime,
            session.CurrencyAmount,
            session.CurrencyType,
            session.Amount,
            session.IpnUrl,
            session.SuccessUrl,
            session.FailUrl,
            session.CancelUrl,
            session.MultiCardName,
            session.ValueA,
            session.ValueB,
            session.ValueC,
            session.ValueD,
            [.. session.Attempts.Select(attempt => View(attempt, now))]))]);
    }

    private static AttemptView View(PaymentAttempt attempt, DateTimeOffset now) => new(
        attempt.Status,
        attempt.Method?.Code,
        attempt.Method?.CardType,
        NullIfEmpty(attempt.ValId),
        NullIfEmpty(attempt.BankTranId),
        attempt.RiskLevel,
        attempt.TranDate,
        attempt.Amount,
        attempt.StoreAmount,
        attempt.ValidationCount,
        attempt.ValidatedAt,
        [.. attempt.Refunds.Select(refund => new RefundView(
            refund.RefundRefId,
            refund.RefundTransId,
            refund.Amount,
            refund.Remarks,
            refund.StatusAt(now),
            refund.InitiatedAt,
            refund.CompletesAt))]);

    private PaymentAttempt NewAttempt(
        PaymentSession session, string status, PaymentMethod? method, int riskLevel, decimal? amount, bool record)
    {
        var attempt = attempts.Create(session, status, method, riskLevel, amount);
        if (record)
        {
            ledger.Record(attempt);
        }

        return attempt;
    }

    private PaymentSession FindSession(string? tranId, string? sessionKey)
    {
        if (sessionKey is not null)
        {
            return ledger.FindSession(sessionKey)
                ?? throw new ApiException(StatusCodes.Status404NotFound, ErrorCodes.NotFound, $"No session has the key {sessionKey}.");
        }

        if (string.IsNullOrEmpty(tranId))
        {
            var errors = new ValidationErrors();
            errors.Add("tranId", "Give the tran_id (or the session key) of an opened session.");
            errors.ThrowIfAny();
        }

        return ledger.LatestSession(tranId!)
            ?? throw new ApiException(StatusCodes.Status404NotFound, ErrorCodes.NotFound, $"No session was opened for tran_id {tranId}.");
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
