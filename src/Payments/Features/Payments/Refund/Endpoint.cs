using CareForAll.BuildingBlocks.Idempotency;
using CareForAll.Payments.Refunds;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Payments.Features.Payments.Refund;

/// <summary>
/// An admin refunds a completed payment: 202 once the gateway took the refund; the payment moves to refunded, with
/// <c>payment.refunded</c> naming the admin, when the gateway reports it done. The refund row is committed on its own
/// around the gateway call (an attempt must never be lost), so this endpoint does not take the request transaction.
/// </summary>
internal sealed class Endpoint(RefundRequests refunds) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/payments/{id}/refund");
        Policies(CareForAllPolicies.Admin);
        this.Idempotent(required: true);
        MaxRequestBodySize(PaymentsLimits.MaxRequestBodyBytes);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var refund = await refunds.StartAsync(req.Id, RefundKind.Refund, req.Reason!.Trim(), req.Amount, Actor.From(HttpContext), ct);
        await Send.ResponseAsync(Response.From(refund), StatusCodes.Status202Accepted, ct);
    }
}
