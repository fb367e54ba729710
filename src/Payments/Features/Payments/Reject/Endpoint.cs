using CareForAll.BuildingBlocks.Idempotency;
using CareForAll.Payments.Refunds;
using CareForAll.ServiceDefaults.Auth;
using Refund = CareForAll.Payments.Features.Payments.Refund;

namespace CareForAll.Payments.Features.Payments.Reject;

/// <summary>
/// An admin rejects a risk-held (captured) payment: the money goes back through the gateway like a refund, and the
/// payment moves captured to refunded when the gateway reports it done. Answers the refund, 202.
/// </summary>
internal sealed class Endpoint(RefundRequests refunds) : Endpoint<Request, Refund.Response>
{
    public override void Configure()
    {
        Post("/api/payments/{id}/reject");
        Policies(CareForAllPolicies.Admin);
        this.Idempotent(required: true);
        MaxRequestBodySize(PaymentsLimits.MaxRequestBodyBytes);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var refund = await refunds.StartAsync(req.Id, RefundKind.Reject, req.Reason!.Trim(), amount: null, Actor.From(HttpContext), ct);
        await Send.ResponseAsync(Refund.Response.From(refund), StatusCodes.Status202Accepted, ct);
    }
}
