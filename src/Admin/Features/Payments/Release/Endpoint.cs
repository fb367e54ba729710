using CareForAll.Admin.Owners;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Admin.Features.Payments.Release;

/// <summary>
/// Releases a risk-held payment through payments: it completes and the donation counts. Its <c>payment.completed</c>,
/// naming this admin, feeds the audit log as <c>release_payment</c>.
/// </summary>
internal sealed class Endpoint(OwnerClient owners) : Endpoint<Request>
{
    public override void Configure()
    {
        Post("/api/admin/payments/{id}/release");
        Policies(CareForAllPolicies.Admin);
        MaxRequestBodySize(AdminLimits.MaxRequestBodyBytes);

        // The body is optional: a bare POST (no Content-Type) must reach the handler, not be refused with 415.
        Description(b => b.ClearDefaultAccepts());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var call = OwnerCall.Post(OwnerServices.Payments, $"api/payments/{req.Id}/release", new { reason = req.Reason }, forwardIdempotencyKey: true);
        var answer = await owners.SendAsync(call, HttpContext, ct);
        await Send.ResultAsync(answer.Relay());
    }
}

internal sealed class Request
{
    /// <summary>From the route.</summary>
    public Guid Id { get; init; }

    /// <summary>Optional note for the payment's history and the audit log.</summary>
    public string? Reason { get; init; }
}
