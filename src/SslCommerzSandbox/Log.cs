namespace CareForAll.SslCommerzSandbox;

/// <summary>The sandbox's log messages. None carries the store password.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Session {SessionKey} opened for tran_id {TranId}, {Amount} BDT")]
    public static partial void SessionOpened(this ILogger logger, string sessionKey, string tranId, decimal amount);

    [LoggerMessage(2, LogLevel.Information, "Session refused: {Reason}")]
    public static partial void SessionRefused(this ILogger logger, string reason);

    [LoggerMessage(3, LogLevel.Information, "Session {SessionKey} (tran_id {TranId}) ended {Status}, val_id '{ValId}'")]
    public static partial void PaymentRecorded(this ILogger logger, string sessionKey, string tranId, string status, string valId);

    [LoggerMessage(4, LogLevel.Information, "{Kind} {Status} for tran_id {TranId} posted to {Url} (attempt {Attempt}): HTTP {ResponseStatus}")]
    public static partial void NotificationAnswered(
        this ILogger logger, string kind, string status, string tranId, string url, int attempt, int responseStatus);

    [LoggerMessage(5, LogLevel.Warning, "{Kind} {Status} for tran_id {TranId} to {Url} (attempt {Attempt}) got no answer: {Error}")]
    public static partial void NotificationUndelivered(
        this ILogger logger, string kind, string status, string tranId, string url, int attempt, string? error);

    [LoggerMessage(6, LogLevel.Information, "IPN for tran_id {TranId} not sent: {Reason}")]
    public static partial void IpnNotSent(this ILogger logger, string tranId, string reason);

    [LoggerMessage(7, LogLevel.Error, "Delivering the notifications of tran_id {TranId} failed")]
    public static partial void DeliveriesFailed(this ILogger logger, Exception exception, string tranId);

    [LoggerMessage(8, LogLevel.Information, "val_id {ValId} validated: {Status}")]
    public static partial void OrderValidated(this ILogger logger, string valId, string status);

    [LoggerMessage(9, LogLevel.Information, "Refund {RefundRefId} of {Amount} BDT initiated for bank_tran_id {BankTranId}")]
    public static partial void RefundInitiated(this ILogger logger, string refundRefId, decimal amount, string bankTranId);

    [LoggerMessage(10, LogLevel.Information, "Refund for bank_tran_id {BankTranId} refused: {Reason}")]
    public static partial void RefundRefused(this ILogger logger, string? bankTranId, string reason);
}
