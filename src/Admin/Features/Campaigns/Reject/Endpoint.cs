using CareForAll.Admin.Owners;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Admin.Features.Campaigns.Reject;

/// <summary>
/// Rejects a draft (or cancels an active campaign) with a reason: campaigns moves it to cancelled and requires the
/// reason; its <c>campaign.cancelled</c> feeds the audit log as <c>reject_campaign</c> or <c>cancel_campaign</c>.
/// </summary>
internal sealed class Endpoint(OwnerClient owners) : Endpoint<Request>
{
    public override void Configure()
    {
        Patch("/api/admin/campaigns/{id}/reject");
        Policies(CareForAllPolicies.Admin);
        MaxRequestBodySize(AdminLimits.MaxRequestBodyBytes);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var call = OwnerCall.Patch(OwnerServices.Campaigns, $"api/campaigns/{req.Id}/status", new { status = "cancelled", reason = req.Reason });
        var answer = await owners.SendAsync(call, HttpContext, ct);
        await Send.ResultAsync(answer.Relay());
    }
}

internal sealed class Request
{
    /// <summary>From the route.</summary>
    public Guid Id { get; init; }

    /// <summary>Why; campaigns requires it and keeps it with the move, and the audit log shows it.</summary>
    public string? Reason { get; init; }
}
