using CareForAll.BuildingBlocks.Database;
using CareForAll.BuildingBlocks.Idempotency;
using CareForAll.Payments.Data;
using CareForAll.Payments.Domain;
using CareForAll.Payments.Refunds;
using CareForAll.Payments.Settlement;
using CareForAll.Payments.Telemetry;
using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Payments.Features.Payments.Release;

/// <summary>
/// An admin releases a risk-held payment (captured, risk level 1): it completes and the donation counts, with the
/// admin in <c>payment.completed</c>. Refused while a rejection of it is in progress.
/// </summary>
internal sealed class Endpoint(NpgsqlDataSource database, PaymentsMetrics metrics, TimeProvider clock, ILogger<Endpoint> logger)
    : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/payments/{id}/release");
        Policies(CareForAllPolicies.Admin);
        this.Idempotent();
        MaxRequestBodySize(PaymentsLimits.MaxRequestBodyBytes);

        // The body is optional: a bare POST (no Content-Type) must reach the handler, not be refused with 415.
        Description(b => b.ClearDefaultAccepts());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var actor = Actor.From(HttpContext);
        await using var unit = await RequestTransaction.BeginAsync(HttpContext, database, ct);
        var payment = await PaymentData.LockByIdAsync(unit.Connection, unit.Transaction, req.Id, ct)
            ?? throw new ApiException(StatusCodes.Status404NotFound, "PAYMENT_NOT_FOUND", "No payment has this id.");
        if (payment.State != PaymentStatus.Captured || payment.RiskLevel != 1)
        {
            throw new ApiException(StatusCodes.Status409Conflict, "PAYMENT_NOT_HELD",
                "Only a captured payment held for its risk level can be released.", new { status = payment.Status, riskLevel = payment.RiskLevel });
        }

        if (await RefundData.HasLiveRefundAsync(unit.Connection, unit.Transaction, payment.Id, ct))
        {
            throw new ApiException(StatusCodes.Status409Conflict, "REFUND_IN_PROGRESS", "The payment is being rejected.");
        }

        var now = clock.GetUtcNow();
        var context = new MoveContext(unit.Connection, unit.Transaction, TransitionSource.Admin, now) { Actor = actor };
        var reason = string.IsNullOrWhiteSpace(req.Reason) ? "released by an admin" : "released by an admin: " + req.Reason.Trim();
        await PaymentMover.MoveAsync(context, payment, PaymentStatus.Completed, reason, ct, apply: p =>
        {
            p.ReleasedBy = actor.ActorId;
            p.ReleasedAt = now.UtcDateTime;
            p.CompletedAt = now.UtcDateTime;
        });
        await unit.CommitAsync(ct);

        metrics.Record(context.Report);
        logger.PaymentReleased(payment.Id, actor.ActorId);
        await Send.OkAsync(Mapper.ToResponse(payment), ct);
    }
}
