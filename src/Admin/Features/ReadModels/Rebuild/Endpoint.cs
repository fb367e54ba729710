using CareForAll.Admin.Owners;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Admin.Features.ReadModels.Rebuild;

/// <summary>
/// Has the query service wipe its read models and rebuild them from campaigns' and pledges' records (with this
/// admin's token); answers what query answers, the rebuilt counts. Allowed the long <c>RebuildTimeout</c>.
/// </summary>
internal sealed class Endpoint(OwnerClient owners) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Post("/api/admin/read-models/rebuild");
        Policies(CareForAllPolicies.Admin);
        MaxRequestBodySize(AdminLimits.MaxRequestBodyBytes);
        Description(b => b.ClearDefaultAccepts());
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var call = OwnerCall.Post(OwnerServices.QueryRebuild, "internal/read-models/rebuild", new { });
        var answer = await owners.SendAsync(call, HttpContext, ct);
        await Send.ResultAsync(answer.Relay());
    }
}
