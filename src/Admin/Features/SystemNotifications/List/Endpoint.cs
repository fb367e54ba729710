using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Admin.Features.SystemNotifications.List;

/// <summary>What the platform needs admins to look at, newest first; <c>unread=true</c> for what nobody has seen.</summary>
internal sealed class Endpoint(NpgsqlDataSource database) : Endpoint<Request, PagedResult<NotificationView>>
{
    public override void Configure()
    {
        Get("/api/admin/notifications");
        Policies(CareForAllPolicies.Admin);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var (rows, total) = await Data.FindAsync(database, req, ct);
        await Send.OkAsync(new PagedResult<NotificationView>([.. rows.Select(NotificationMapper.ToView)], req.Page, req.Limit, total), ct);
    }
}
