using System.Text.Json;
using CareForAll.BuildingBlocks.Messaging;
using CareForAll.Payments.Configuration;
using CareForAll.Payments.Data;
using CareForAll.Payments.Domain;
using CareForAll.Payments.Settlement;
using CareForAll.Payments.SslCommerz;
using CareForAll.Payments.Telemetry;
using CareForAll.ServiceDefaults.Auth;
using Microsoft.Extensions.Options;

namespace CareForAll.Payments.Refunds;

/// <summary>
/// One round of refund tracking: asks the gateway about every refund in progress; when it reports one refunded,
/// the payment moves to refunded (completed for a refund, captured for a rejection) and <c>payment.refunded</c>
/// carries the admin who asked.
/// </summary>
internal sealed class RefundPolling(
    NpgsqlDataSource database,
    SslCommerzClient gateway,
    PaymentsMetrics metrics,
    TimeProvider clock,
    IOptions<RefundTrackingOptions> options,
    ILogger<RefundPolling> logger)
{
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var claimed = await RefundData.ClaimProcessingAsync(database, clock.GetUtcNow(), settings.RecheckAfter, settings.BatchSize, ct);
        var finished = 0;
        foreach (var refund in claimed)
        {
            try
            {
                if (await TrackAsync(refund, ct))
                {
                    finished++;
                }
            }
            catch (SslCommerzUnavailableException ex)
            {
                logger.RefundStatusUnavailable(refund.Id, ex.Message);
            }
        }

        return finished;
    }

    private async Task<bool> TrackAsync(RefundRecord refund, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(refund.RefundRefId))
        {
            return false;
        }

        var answer = await gateway.RefundStatusAsync(refund.RefundRefId, ct);
        switch (answer.NormalizedStatus)
        {
            case "REFUNDED":
                await CompleteAsync(refund, answer, ct);
                return true;
            case "CANCELLED" or "FAILED":
                var error = GatewayValues.NullIfBlank(answer.ErrorReason) ?? "the gateway reports the refund " + answer.NormalizedStatus;
                await RefundData.FailAsync(database, refund.Id, error, answer.RawJson, clock.GetUtcNow(), ct);
                logger.RefundRefused(refund.PaymentId, refund.Id, error);
                return true;
            default:
                return false;
        }
    }

    private async Task CompleteAsync(RefundRecord refund, RefundStatusResponse answer, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var payment = await PaymentData.LockByIdAsync(connection, transaction, refund.PaymentId, ct);
        if (payment is null || await RefundData.LockAsync(connection, transaction, refund.Id, ct) != RefundStatus.Processing)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var actor = refund.Actor is null ? null : JsonSerializer.Deserialize<Actor>(refund.Actor, MessagingJson.Options);
        var context = new MoveContext(connection, transaction, TransitionSource.Admin, now) { Actor = actor };
        var reason = refund.Kind == RefundKind.Reject ? "rejected by an admin: " + refund.Reason : "refunded by an admin: " + refund.Reason;
        var moved = await PaymentMover.MoveAsync(context, payment, PaymentStatus.Refunded, reason, ct,
            apply: p =>
            {
                p.RefundReason = refund.Reason;
                p.RefundedAt = now.UtcDateTime;
            },
            refundRefId: refund.RefundRefId);
        await RefundData.MarkRefundedAsync(connection, transaction, refund.Id, answer.RawJson, now, ct);
        await transaction.CommitAsync(ct);

        metrics.Record(context.Report);
        if (moved)
        {
            logger.RefundCompleted(payment.Id, refund.Id);
        }
        else
        {
            // The money went back but the payment could not follow: an admin must look at it.
            logger.RefundedPaymentDidNotMove(payment.Id, refund.Id, context.Report.RefusalSummary);
        }
    }
}
