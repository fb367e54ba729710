namespace CareForAll.Payments;

/// <summary>Payments' log messages. None carries a store credential, a signature or a card number.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Gateway session opened for payment {PaymentId} ({TranId})")]
    public static partial void SessionOpened(this ILogger logger, Guid paymentId, string tranId);

    [LoggerMessage(2, LogLevel.Warning, "The gateway refused a session for {TranId}: {Reason}")]
    public static partial void SessionRefused(this ILogger logger, string tranId, string? reason);

    [LoggerMessage(3, LogLevel.Warning, "The gateway could not be reached to open a session for {TranId}: {Problem}")]
    public static partial void SessionGatewayUnavailable(this ILogger logger, string tranId, string problem);

    [LoggerMessage(4, LogLevel.Information, "{Source} notification {Status} for payment {PaymentId}: now {PaymentStatus}")]
    public static partial void NotificationProcessed(this ILogger logger, string source, string status, Guid paymentId, string paymentStatus);

    [LoggerMessage(5, LogLevel.Information, "Duplicate {Source} notification for {TranId} skipped")]
    public static partial void DuplicateNotification(this ILogger logger, string source, string tranId);

    [LoggerMessage(6, LogLevel.Warning, "{Source} notification for {TranId} refused: {Problem}")]
    public static partial void SignatureRefused(this ILogger logger, string source, string tranId, string problem);

    [LoggerMessage(7, LogLevel.Warning, "{Source} notification for unknown tran_id {TranId} ignored")]
    public static partial void UnknownTranId(this ILogger logger, string tranId, string source);

    [LoggerMessage(8, LogLevel.Warning, "Validation API unavailable for {TranId}; the notification waits for a retry: {Problem}")]
    public static partial void ValidationUnavailable(this ILogger logger, string tranId, string problem);

    [LoggerMessage(9, LogLevel.Warning, "IPN from {Address} refused: not an allowed gateway address")]
    public static partial void IpnAddressRefused(this ILogger logger, string? address);

    [LoggerMessage(10, LogLevel.Information, "Reconciliation moved payment {PaymentId} ({TranId}) to {Outcome}")]
    public static partial void Reconciled(this ILogger logger, Guid paymentId, string tranId, string outcome);

    [LoggerMessage(11, LogLevel.Warning, "Reconciliation: the gateway did not answer the query for {TranId} (APIConnect {ApiConnect})")]
    public static partial void ReconciliationNotAnswered(this ILogger logger, string tranId, string? apiConnect);

    [LoggerMessage(12, LogLevel.Warning, "Reconciliation: gateway unavailable for {TranId}: {Problem}")]
    public static partial void ReconciliationGatewayUnavailable(this ILogger logger, string tranId, string problem);

    [LoggerMessage(13, LogLevel.Error, "A reconciliation round failed")]
    public static partial void ReconciliationRoundFailed(this ILogger logger, Exception exception);

    [LoggerMessage(14, LogLevel.Information, "{Kind} {RefundId} of payment {PaymentId} requested by {ActorId}")]
    public static partial void RefundRequested(this ILogger logger, Guid paymentId, Guid refundId, string kind, Guid? actorId);

    [LoggerMessage(15, LogLevel.Warning, "Refund {RefundId} of payment {PaymentId} failed: {Reason}")]
    public static partial void RefundRefused(this ILogger logger, Guid paymentId, Guid refundId, string reason);

    [LoggerMessage(16, LogLevel.Warning, "Refund {RefundId} of payment {PaymentId}: gateway unreachable, outcome unknown: {Problem}")]
    public static partial void RefundGatewayUnavailable(this ILogger logger, Guid paymentId, Guid refundId, string problem);

    [LoggerMessage(17, LogLevel.Information, "Payment {PaymentId} refunded (refund {RefundId})")]
    public static partial void RefundCompleted(this ILogger logger, Guid paymentId, Guid refundId);

    [LoggerMessage(18, LogLevel.Error, "Refund {RefundId} is done at the gateway but payment {PaymentId} could not move: {Reason}")]
    public static partial void RefundedPaymentDidNotMove(this ILogger logger, Guid paymentId, Guid refundId, string? reason);

    [LoggerMessage(19, LogLevel.Warning, "Refund status of {RefundId} unavailable: {Problem}")]
    public static partial void RefundStatusUnavailable(this ILogger logger, Guid refundId, string problem);

    [LoggerMessage(20, LogLevel.Error, "A refund tracking round failed")]
    public static partial void RefundRoundFailed(this ILogger logger, Exception exception);

    [LoggerMessage(21, LogLevel.Information, "Payment {PaymentId} released by {ActorId}")]
    public static partial void PaymentReleased(this ILogger logger, Guid paymentId, Guid? actorId);

    [LoggerMessage(22, LogLevel.Error, "Payment {PaymentId} was paid a second time (val_id {ValId}); the second charge must be refunded")]
    public static partial void SecondPaymentDetected(this ILogger logger, Guid paymentId, string valId);

    [LoggerMessage(23, LogLevel.Warning, "{Source} notification for payment {PaymentId} refused: the validation answer is not ours: {Mismatch}")]
    public static partial void ValidationMismatch(this ILogger logger, string source, Guid paymentId, string mismatch);
}
