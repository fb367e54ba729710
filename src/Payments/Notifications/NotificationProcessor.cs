using CareForAll.BuildingBlocks.Messaging;
using CareForAll.Payments.Data;
using CareForAll.Payments.Domain;
using CareForAll.Payments.Settlement;
using CareForAll.Payments.SslCommerz;
using CareForAll.Payments.Telemetry;
using Microsoft.Extensions.Options;

namespace CareForAll.Payments.Notifications;

/// <summary>
/// Processes a gateway notification, IPN or browser return alike, in the order of ARCHITECTURE section 6 step 4:
/// store the raw payload, dedupe, check the signature, call the validation API (outside any lock), then lock the
/// payment row and move the state machine. Copies of one notification racing on several replicas queue on their
/// shared log row, so exactly one applies it and the others are counted as duplicates. The signature is computed
/// (in memory) before the payload is stored only to choose its dedupe key: see <see cref="WebhookIds.ForRefused"/>.
/// </summary>
internal sealed class NotificationProcessor(
    NpgsqlDataSource database,
    SslCommerzClient gateway,
    IOptions<SslCommerzOptions> store,
    PaymentsMetrics metrics,
    TimeProvider clock,
    ILogger<NotificationProcessor> logger)
{
    public async Task<NotificationOutcome> ProcessAsync(Notification notification, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notification);
        metrics.NotificationReceived(notification.Source, notification.Status);

        var known = await PaymentData.FindByTranIdAsync(database, notification.TranId, ct);
        using var activity = PaymentsTelemetry.StartLinked("payments.notification", known?.Traceparent);
        activity?.SetTag("payments.tran_id", notification.TranId);
        activity?.SetTag("payments.notification.source", notification.Source);
        activity?.SetTag("payments.notification.status", notification.Status);

        var signature = NotificationSignature.Verify(notification.Fields, store.Value.StorePassword);
        var log = await WebhookLogs.RecordAsync(database, notification, signature.IsValid, clock.GetUtcNow(), ct);
        if (log.Processed)
        {
            return await AlreadyProcessedAsync(log, notification, ct);
        }

        if (!signature.IsValid)
        {
            return await RefuseSignatureAsync(log, notification, signature.Problem!, ct);
        }

        ValidationResponse? validation = null;
        if (GatewayStatus.IsPaid(notification.Status) && notification.ValId.Length > 0)
        {
            try
            {
                validation = await gateway.ValidateAsync(notification.ValId, ct);
            }
            catch (SslCommerzUnavailableException ex)
            {
                logger.ValidationUnavailable(notification.TranId, ex.Message);
                await WebhookLogs.NoteErrorAsync(database, log.Id, "validation API unavailable: " + ex.Message, ct);
                return new NotificationOutcome(NotificationResult.Deferred, known?.Id, known?.Status, ex.Message);
            }
        }

        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        if (await WebhookLogs.LockAsync(connection, transaction, log.Id, ct))
        {
            await transaction.RollbackAsync(ct);
            return await AlreadyProcessedAsync(log, notification, ct);
        }

        var payment = await PaymentData.LockByTranIdAsync(connection, transaction, notification.TranId, ct);
        if (payment is null)
        {
            await WebhookLogs.MarkProcessedAsync(connection, transaction, log.Id, null, signatureValid: true, "no payment has this tran_id", now, ct);
            await transaction.CommitAsync(ct);
            logger.UnknownTranId(notification.TranId, notification.Source);
            return new NotificationOutcome(NotificationResult.UnknownPayment, null, null);
        }

        var context = new MoveContext(connection, transaction, notification.Source, now) { WebhookLogId = log.Id };
        await ApplyAsync(context, payment, notification, validation, ct);
        var mismatch = context.Report.ValidationMismatch;
        if (mismatch is not null)
        {
            await AddRejectedEventAsync(connection, transaction, log.Id, notification, payment, "validation mismatch: " + mismatch, now, ct);
        }

        await WebhookLogs.MarkProcessedAsync(connection, transaction, log.Id, payment.Id, signatureValid: true, context.Report.RefusalSummary, now, ct);
        await transaction.CommitAsync(ct);

        if (mismatch is not null)
        {
            logger.ValidationMismatch(notification.Source, payment.Id, mismatch);
        }

        metrics.Record(context.Report);
        foreach (var valId in context.Report.SecondPayments)
        {
            logger.SecondPaymentDetected(payment.Id, valId);
        }

        logger.NotificationProcessed(notification.Source, notification.Status, payment.Id, payment.Status);
        return new NotificationOutcome(NotificationResult.Processed, payment.Id, payment.Status, context.Report.RefusalSummary);
    }

    private static async Task ApplyAsync(
        MoveContext context, PaymentRecord payment, Notification notification, ValidationResponse? validation, CancellationToken ct)
    {
        if (GatewayStatus.IsPaid(notification.Status))
        {
            await GatewaySettlement.AuthorizeAsync(context, payment, ct);
            if (validation is null)
            {
                await PaymentMover.RefuseAsync(context, payment, PaymentStatus.Captured, "VALID notification without val_id", ct);
            }
            else
            {
                await GatewaySettlement.CaptureAsync(context, payment, validation, ct);
            }
        }
        else if (GatewayStatus.IsFailure(notification.Status))
        {
            await GatewaySettlement.FailAsync(context, payment, notification.Status, notification.Error, ct);
        }
        else
        {
            await PaymentMover.RefuseAsync(context, payment, payment.State,
                $"unknown notification status '{notification.Status}'", ct);
        }
    }

    /// <summary>
    /// <c>payment.notification_rejected</c>, in the transaction that marks the log row processed: written once, since
    /// every later copy of the notification finds that row processed and is only counted as a duplicate. Its aggregate
    /// is the payment when one has the tran_id (at its current version: the payment did not move), else the log row.
    /// </summary>
    private static async Task AddRejectedEventAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid webhookLogId, Notification notification, PaymentRecord? payment,
        string reason, DateTimeOffset now, CancellationToken ct) =>
        await Outbox.AddAsync(
            connection,
            transaction,
            PaymentEvents.NotificationRejected,
            payment?.Id ?? webhookLogId,
            payment?.Version ?? 1,
            new NotificationRejectedData(
                webhookLogId,
                GatewayValues.NullIfBlank(WebhookLogs.Truncate(notification.TranId, WebhookLogs.MaxTranIdLength)),
                payment?.Id,
                notification.Source,
                notification.RemoteAddress is { } address ? WebhookLogs.Truncate(address, WebhookLogs.MaxAddressLength) : null,
                reason,
                now),
            ct);

    private async Task<NotificationOutcome> AlreadyProcessedAsync(WebhookLogEntry log, Notification notification, CancellationToken ct)
    {
        var payment = await PaymentData.FindByTranIdAsync(database, notification.TranId, ct);
        if (log.SignatureValid == false)
        {
            return new NotificationOutcome(NotificationResult.SignatureInvalid, payment?.Id, payment?.Status, "signature did not verify");
        }

        await WebhookLogs.CountDuplicateAsync(database, log.Id, ct);
        metrics.DuplicateSkipped(notification.Source);
        logger.DuplicateNotification(notification.Source, notification.TranId);
        return new NotificationOutcome(NotificationResult.Duplicate, payment?.Id, payment?.Status);
    }

    private async Task<NotificationOutcome> RefuseSignatureAsync(WebhookLogEntry log, Notification notification, string problem, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (await WebhookLogs.LockAsync(connection, transaction, log.Id, ct))
        {
            await transaction.RollbackAsync(ct);
            return await AlreadyProcessedAsync(log, notification, ct);
        }

        var now = clock.GetUtcNow();
        var reason = "signature check failed: " + problem;
        var payment = await PaymentData.LockByTranIdAsync(connection, transaction, notification.TranId, ct);
        if (payment is not null)
        {
            var context = new MoveContext(connection, transaction, notification.Source, now) { WebhookLogId = log.Id };
            var target = GatewayStatus.IsPaid(notification.Status) ? PaymentStatus.Authorized
                : GatewayStatus.IsFailure(notification.Status) ? PaymentStatus.Failed
                : payment.State;
            await StateHistory.AddAsync(connection, transaction,
                PaymentMover.Entry(context, payment.Id, payment.State, target, accepted: false, reason), ct);
        }

        await WebhookLogs.MarkProcessedAsync(connection, transaction, log.Id, payment?.Id, signatureValid: false, reason, now, ct);
        await AddRejectedEventAsync(connection, transaction, log.Id, notification, payment, reason, now, ct);
        await transaction.CommitAsync(ct);

        metrics.SignatureFailed(notification.Source);
        logger.SignatureRefused(notification.Source, notification.TranId, problem);
        return new NotificationOutcome(NotificationResult.SignatureInvalid, payment?.Id, payment?.Status, problem);
    }
}
