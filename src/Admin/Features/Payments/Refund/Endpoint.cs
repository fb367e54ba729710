using CareForAll.Admin.Owners;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Admin.Features.Payments.Refund;

/// <summary>
/// Refunds a completed payment through payments, which requires the <c>Idempotency-Key</c> (passed on as given, so
/// a retried request is its one refund) and answers 202 once the gateway took it. Its
/// <c>payment.refund_requested</c> feeds the audit log.
/// </summary>
internal sealed class Endpoint(OwnerClient owners) : Endpoint<Request>
{
    public override void Configure()
    {
        Post("/api/admin/payments/{id}/refund");
        Policies(CareForAllPolicies.Admin);
        MaxRequestBodySize(AdminLimits.MaxRequestBodyBytes);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        object body = req.Amount is { } amount ? new { reason = req.Reason, amount } : new { reason = req.Reason };
        var call = OwnerCall.Post(OwnerServices.Payments, $"api/payments/{req.Id}/refund", body, forwardIdempotencyKey: true);
        var answer = await owners.SendAsync(call, HttpContext, ct);
        await Send.ResultAsync(answer.Relay());
    }
}

internal sealed class Request
{
    /// <summary>From the route.</summary>
    public Guid Id { get; init; }

    /// <summary>Why; payments requires it.</summary>
    public string? Reason { get; init; }

    /// <summary>Optional; payments refunds the whole amount when absent.</summary>
    public decimal? Amount { get; init; }
}
