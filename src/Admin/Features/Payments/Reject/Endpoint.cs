using CareForAll.Admin.Owners;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Admin.Features.Payments.Reject;

/// <summary>
/// Rejects a risk-held payment through payments: the money goes back through the gateway like a refund (payments
/// requires the <c>Idempotency-Key</c>, passed on as given). Its <c>payment.refund_requested</c> feeds the audit log
/// as <c>reject_payment</c>.
/// </summary>
internal sealed class Endpoint(OwnerClient owners) : Endpoint<Request>
{
    public override void Configure()
    {
        Post("/api/admin/payments/{id}/reject");
        Policies(CareForAllPolicies.Admin);
        MaxRequestBodySize(AdminLimits.MaxRequestBodyBytes);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var call = OwnerCall.Post(OwnerServices.Payments, $"api/payments/{req.Id}/reject", new { reason = req.Reason }, forwardIdempotencyKey: true);
        var answer = await owners.SendAsync(call, HttpContext, ct);
        await Send.ResultAsync(answer.Relay());
    }
}

internal sealed class Request
{
    /// <summary>From the route.</summary>
    public Guid Id { get; init; }

    /// <summary>Why the held payment is refused; payments requires it.</summary>
    public string? Reason { get; init; }
}
