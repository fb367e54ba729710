using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Admin.Features.SystemNotifications.MarkRead;

/// <summary>Marks a system notification read, once: marking it again answers the same, naming the first reader.</summary>
internal sealed class Endpoint(NpgsqlDataSource database, TimeProvider clock, ILogger<Endpoint> logger) : Endpoint<Request, NotificationView>
{
    public override void Configure()
    {
        Patch("/api/admin/notifications/{id}/read");
        Policies(CareForAllPolicies.Admin);
        MaxRequestBodySize(AdminLimits.MaxRequestBodyBytes);
        Description(b => b.ClearDefaultAccepts());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var adminId = User.UserId()
            ?? throw new ApiException(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, "The access token has no valid subject.");
        var (row, marked) = await Data.MarkAsync(database, req.Id, adminId, clock.GetUtcNow(), ct);
        if (row is null)
        {
            throw new ApiException(StatusCodes.Status404NotFound, "NOTIFICATION_NOT_FOUND", "No system notification has this id.");
        }

        if (marked)
        {
            logger.NotificationRead(req.Id, adminId);
        }

        await Send.OkAsync(NotificationMapper.ToView(row), ct);
    }
}

internal sealed class Request
{
    /// <summary>From the route.</summary>
    public Guid Id { get; init; }
}
