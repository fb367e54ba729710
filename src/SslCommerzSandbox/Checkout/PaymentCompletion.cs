using CareForAll.SslCommerzSandbox.Gateway;
using CareForAll.SslCommerzSandbox.Notifications;

namespace CareForAll.SslCommerzSandbox.Checkout;

/// <summary>Turns a payer's choice into recorded attempts and scheduled notifications (checkout page and control API alike).</summary>
internal sealed class PaymentCompletion(
    Ledger ledger,
    AttemptFactory attempts,
    NotificationComposer composer,
    NotificationDispatcher dispatcher,
    TimeProvider time,
    IOptions<SandboxOptions> options,
    ILogger<PaymentCompletion> logger)
{
    // An earlier failed try of the same payer, placed well before the final attempt.
    private static readonly TimeSpan EarlierFailureLead = TimeSpan.FromSeconds(45);

    public CompletedPayment Complete(PaymentSession session, PaymentChoice choice, DeliveryPlan plan)
    {
        var earlier = plan.Ipn.EarlierFailure
            ? attempts.Create(session, TransactionStatus.Failed, choice.Method, 0, ago: EarlierFailureLead)
            : null;
        var attempt = attempts.Create(session, choice.Outcome, choice.Method, choice.RiskLevel);
        PaymentAttempt[] made = earlier is null ? [attempt] : [earlier, attempt];

        var refusal = ledger.TryRecord(session, made, time.GetUtcNow(), options.Value.SessionLifetime);
        if (refusal != AttemptRefusal.None)
        {
            return new CompletedPayment(null, null, refusal);
        }

        logger.PaymentRecorded(session.SessionKey, session.TranId, attempt.Status, attempt.ValId);
        var notification = composer.Compose(attempt);
        dispatcher.Dispatch(session, notification, earlier is null ? null : composer.Compose(earlier), plan);
        return new CompletedPayment(attempt, notification, AttemptRefusal.None);
    }
}
