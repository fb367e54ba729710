using CareForAll.Admin.Owners;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Admin.Features.Campaigns.List;

/// <summary>
/// Every campaign, drafts waiting for approval included, newest first: campaigns' internal list
/// (<c>page</c>, <c>limit</c>, <c>status</c>, <c>search</c>), relayed as it answers.
/// </summary>
internal sealed class Endpoint(OwnerClient owners) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/api/admin/campaigns");
        Policies(CareForAllPolicies.Admin);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var path = "internal/campaigns" + OwnerQuery.Pass(HttpContext.Request, "page", "limit", "status", "search");
        var answer = await owners.SendAsync(OwnerCall.Get(OwnerServices.Campaigns, path), HttpContext, ct);
        await Send.ResultAsync(answer.Relay());
    }
}
