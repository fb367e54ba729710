using CareForAll.Payments.Configuration;
using CareForAll.Payments.Data;
using CareForAll.Payments.Domain;
using CareForAll.Payments.Settlement;
using CareForAll.Payments.SslCommerz;
using CareForAll.Payments.Telemetry;
using Microsoft.Extensions.Options;

namespace CareForAll.Payments.Reconciliation;

/// <summary>
/// One round of reconciliation: asks the gateway about payments stuck pending or authorized (a lost IPN), and about
/// recently failed ones whose session could still have been paid, and applies the answer through the same rules as
/// a notification. A paid attempt is validated and captured; a failed one fails an open payment; nothing at all
/// after the session's lifetime means the session expired.
/// </summary>
internal sealed class ReconciliationRun(
    NpgsqlDataSource database,
    SslCommerzClient gateway,
    PaymentsMetrics metrics,
    TimeProvider clock,
    IOptions<ReconciliationOptions> options,
    ILogger<ReconciliationRun> logger)
{
    /// <summary>Claims due payments and reconciles each; returns how many moved.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var lease = settings.MinimumAge > settings.Interval ? settings.MinimumAge : settings.Interval;
        var claimed = await ReconciliationData.ClaimAsync(
            database, now, settings.MinimumAge, settings.SessionExpiry, lease, settings.BatchSize, ct);

        var fixes = 0;
        foreach (var candidate in claimed)
        {
            try
            {
                if (await ReconcileAsync(candidate, settings, ct))
                {
                    fixes++;
                }
            }
            catch (SslCommerzUnavailableException ex)
            {
                // The lease brings it back next round.
                logger.ReconciliationGatewayUnavailable(candidate.TranId, ex.Message);
            }
        }

        return fixes;
    }

    private async Task<bool> ReconcileAsync(ReconciliationCandidate candidate, ReconciliationOptions settings, CancellationToken ct)
    {
        using var activity = PaymentsTelemetry.StartLinked("payments.reconcile", candidate.Traceparent);
        activity?.SetTag("payments.tran_id", candidate.TranId);

        var answer = await gateway.QueryByTranIdAsync(candidate.TranId, ct);
        if (!answer.Answered)
        {
            logger.ReconciliationNotAnswered(candidate.TranId, answer.ApiConnect);
            return false;
        }

        var attempts = (answer.Elements ?? [])
            .Where(e => string.IsNullOrWhiteSpace(e.TranId) || string.Equals(e.TranId.Trim(), candidate.TranId, StringComparison.Ordinal))
            .ToList();
        var paid = attempts.FirstOrDefault(e => GatewayStatus.IsPaid(GatewayStatus.Normalize(e.Status)) && !string.IsNullOrWhiteSpace(e.ValId));
        var failure = attempts.FirstOrDefault(e => GatewayStatus.IsFailure(GatewayStatus.Normalize(e.Status)));

        // Validated outside any lock, like a notification.
        var validation = paid is null ? null : await gateway.ValidateAsync(paid.ValId!.Trim(), ct);

        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var payment = await PaymentData.LockByIdAsync(connection, transaction, candidate.Id, ct);
        var now = clock.GetUtcNow();
        if (payment is null)
        {
            return false;
        }

        var context = new MoveContext(connection, transaction, TransitionSource.Reconciliation, now);
        var state = payment.State;
        string? outcome = null;
        if (validation is not null && (state.IsOpen() || state == PaymentStatus.Failed))
        {
            if (await GatewaySettlement.CaptureAsync(context, payment, validation, ct))
            {
                outcome = payment.Status;
            }
            else
            {
                // The gateway holds a payment that is not ours as we recorded it: leave it for an admin, ask less often.
                await ReconciliationData.PostponeAsync(connection, transaction, payment.Id, now + settings.SessionExpiry, ct);
            }
        }
        else if (state.IsOpen() && failure is not null)
        {
            var status = GatewayStatus.Normalize(failure.Status);
            if (await GatewaySettlement.FailAsync(context, payment, status, failure.Error, ct))
            {
                outcome = PaymentStatusNames.Failed;
            }
        }
        else if (state.IsOpen() && paid is null && (payment.SessionOpenedAt ?? payment.CreatedAt) <= (now - settings.SessionExpiry).UtcDateTime)
        {
            if (await GatewaySettlement.FailAsync(context, payment, GatewayStatus.Expired,
                    "the gateway session expired with nothing paid", ct))
            {
                outcome = "expired";
            }
        }

        if (outcome is not null)
        {
            context.Report.ReconciliationFixes.Add(outcome);
        }

        await transaction.CommitAsync(ct);
        metrics.Record(context.Report);
        foreach (var valId in context.Report.SecondPayments)
        {
            logger.SecondPaymentDetected(payment.Id, valId);
        }

        if (outcome is not null)
        {
            logger.Reconciled(payment.Id, candidate.TranId, outcome);
        }

        return outcome is not null;
    }
}
