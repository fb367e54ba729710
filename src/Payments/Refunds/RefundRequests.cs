using CareForAll.Payments.SslCommerz;
using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Payments.Refunds;

/// <summary>
/// Starts a refund (admin refund of a completed payment, or rejection of a risk-held captured one): the refund row
/// is committed first, then the gateway is asked once (never retried: a second call would be a second refund),
/// then its answer is recorded. The payment itself moves only when <see cref="RefundPolling"/> sees the gateway
/// report the refund done.
/// </summary>
internal sealed class RefundRequests(NpgsqlDataSource database, SslCommerzClient gateway, TimeProvider clock, ILogger<RefundRequests> logger)
{
    public async Task<RefundRecord> StartAsync(Guid paymentId, string kind, string reason, decimal? amount, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (refund, bankTranId) = await RefundData.OpenAsync(database, paymentId, kind, reason, amount, actor, clock.GetUtcNow(), ct);
        logger.RefundRequested(paymentId, refund.Id, kind, actor.ActorId);

        RefundResponse answer;
        try
        {
            // Not the request's token: once asked, the gateway's answer must be kept even if the admin has gone.
            answer = await gateway.InitiateRefundAsync(
                new RefundRequest(bankTranId, refund.RefundTransId, refund.Amount, reason, refund.Id.ToString("N")), CancellationToken.None);
        }
        catch (SslCommerzUnavailableException ex)
        {
            // Whether the gateway took it is unknown. The refund stays open ('requested'), which blocks another refund
            // and a release of this payment, until an operator settles it from the merchant panel: marking it failed
            // would let money that may have gone back be released or counted again.
            await RefundData.NoteOutcomeUnknownAsync(database, refund.Id, "gateway answer lost, outcome unknown: " + ex.Message, clock.GetUtcNow());
            logger.RefundGatewayUnavailable(paymentId, refund.Id, ex.Message);
            throw new ApiException(StatusCodes.Status503ServiceUnavailable, "REFUND_OUTCOME_UNKNOWN",
                "The payment gateway did not answer; whether it refunded is unknown. The refund stays open until it is checked in the merchant panel.",
                new { refundId = refund.Id });
        }

        if (!answer.Accepted)
        {
            var error = GatewayValues.NullIfBlank(answer.ErrorReason) ?? $"refund status '{answer.Status}'";
            await RefundData.FailAsync(database, refund.Id, error, answer.RawJson, clock.GetUtcNow(), CancellationToken.None);
            logger.RefundRefused(paymentId, refund.Id, error);
            throw new ApiException(StatusCodes.Status502BadGateway, "REFUND_GATEWAY_ERROR", "The payment gateway refused the refund.",
                new { refundId = refund.Id, errorReason = answer.ErrorReason });
        }

        return await RefundData.MarkProcessingAsync(database, refund.Id, answer.RefundRefId!.Trim(), answer.RawJson, clock.GetUtcNow(), CancellationToken.None)
            ?? throw new InvalidOperationException($"Refund {refund.Id} left 'requested' while it was being asked for.");
    }
}
