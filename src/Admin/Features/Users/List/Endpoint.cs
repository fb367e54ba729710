using CareForAll.Admin.Owners;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Admin.Features.Users.List;

/// <summary>
/// The users, newest first: identity's internal list (<c>page</c>, <c>limit</c>, <c>search</c>, <c>status</c>,
/// <c>role</c>), relayed as it answers.
/// </summary>
internal sealed class Endpoint(OwnerClient owners) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/api/admin/users");
        Policies(CareForAllPolicies.Admin);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var path = "internal/users" + OwnerQuery.Pass(HttpContext.Request, "page", "limit", "search", "status", "role");
        var answer = await owners.SendAsync(OwnerCall.Get(OwnerServices.Identity, path), HttpContext, ct);
        await Send.ResultAsync(answer.Relay());
    }
}
