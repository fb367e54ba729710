using CareForAll.Admin.Owners;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Admin.Features.Campaigns.Approve;

/// <summary>
/// Approves a draft: campaigns moves it to active (its own rules decide, e.g. 409 for a campaign that is not a
/// draft) and its <c>campaign.activated</c>, naming this admin, feeds the audit log.
/// </summary>
internal sealed class Endpoint(OwnerClient owners) : Endpoint<Request>
{
    public override void Configure()
    {
        Patch("/api/admin/campaigns/{id}/approve");
        Policies(CareForAllPolicies.Admin);
        MaxRequestBodySize(AdminLimits.MaxRequestBodyBytes);

        // Approving needs no body: a bare PATCH (no Content-Type) must reach the handler, not be refused with 415.
        Description(b => b.ClearDefaultAccepts());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var call = OwnerCall.Patch(OwnerServices.Campaigns, $"api/campaigns/{req.Id}/status", new { status = "active" });
        var answer = await owners.SendAsync(call, HttpContext, ct);
        await Send.ResultAsync(answer.Relay());
    }
}

internal sealed class Request
{
    /// <summary>From the route.</summary>
    public Guid Id { get; init; }
}
