namespace CareForAll.Payments.Domain;

/// <summary>
/// The data of <c>payment.notification_rejected</c>: a notification refused because its signature did not verify or
/// the validation API's answer is not our payment (status, tran_id, amount or currency), written with the outcome on
/// its <c>webhook_logs</c> row. Copies of it are duplicates of that row and emit nothing more. Admins are told,
/// because either someone is forging notifications or the gateway disagrees with us about money.
/// </summary>
/// <param name="PaymentId">The payment the notification names, null when no payment has its tran_id.</param>
/// <param name="Source"><c>ipn</c> or <c>browser</c>.</param>
/// <param name="Reason">Why it was refused, as written on the log row.</param>
internal sealed record NotificationRejectedData(
    Guid WebhookLogId,
    string? TranId,
    Guid? PaymentId,
    string Source,
    string? RemoteAddress,
    string Reason,
    DateTimeOffset OccurredAt);
