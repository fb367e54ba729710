using CareForAll.Admin.Owners;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Admin.Features.Payments.List;

/// <summary>
/// The payments, newest first: payments' internal list (<c>page</c>, <c>limit</c>, <c>status</c>, <c>held</c>),
/// relayed as it answers. <c>held=true</c> lists the risk-held payments waiting for a release or rejection.
/// </summary>
internal sealed class Endpoint(OwnerClient owners) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/api/admin/payments");
        Policies(CareForAllPolicies.Admin);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var path = "internal/payments" + OwnerQuery.Pass(HttpContext.Request, "page", "limit", "status", "held");
        var answer = await owners.SendAsync(OwnerCall.Get(OwnerServices.Payments, path), HttpContext, ct);
        await Send.ResultAsync(answer.Relay());
    }
}
