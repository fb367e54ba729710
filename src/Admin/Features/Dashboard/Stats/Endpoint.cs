using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Admin.Features.Dashboard.Stats;

/// <summary>The admin dashboard: raised today and in total, donations per hour, campaigns by status, payments held,
/// failed and refunded, outbox backlog and dead letters per service, unread system notifications.</summary>
internal sealed class Endpoint(DashboardParts parts) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("/api/admin/dashboard/stats");
        Policies(CareForAllPolicies.Admin);
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(await parts.CollectAsync(HttpContext, ct), ct);
}
