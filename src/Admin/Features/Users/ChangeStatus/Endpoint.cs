using CareForAll.Admin.Owners;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Admin.Features.Users.ChangeStatus;

/// <summary>
/// Suspends or reactivates a user through identity, which refuses their tokens at once (or lets them back in) and
/// emits <c>user.suspended</c> / <c>user.reactivated</c> naming this admin, for the audit log.
/// </summary>
internal sealed class Endpoint(OwnerClient owners) : Endpoint<Request>
{
    public override void Configure()
    {
        Patch("/api/admin/users/{id}/status");
        Policies(CareForAllPolicies.Admin);
        MaxRequestBodySize(AdminLimits.MaxRequestBodyBytes);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var move = UserStatuses.IsSuspended(req.Status!) ? "suspend" : "reactivate";
        var call = OwnerCall.Post(OwnerServices.Identity, $"internal/users/{req.Id}/{move}", new { reason = req.Reason });
        var answer = await owners.SendAsync(call, HttpContext, ct);
        await Send.ResultAsync(answer.Relay());
    }
}
