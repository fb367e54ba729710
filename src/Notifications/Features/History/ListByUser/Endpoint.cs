using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Notifications.Features.History.ListByUser;

/// <summary>Every mail sent (or waiting to be sent) to a user, newest first: for that user or an admin only.</summary>
internal sealed class Endpoint(NpgsqlDataSource database) : Endpoint<Request, PagedResult<Item>>
{
    public override void Configure()
    {
        Get("/api/notifications/user/{userId}");
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (User.UserId() != req.UserId && !User.IsAdmin())
        {
            throw new ApiException(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "You may only read your own notifications.");
        }

        var (rows, total) = await Data.ListAsync(database, req.UserId, req.Page, req.Limit, req.IncludeHtml, ct);
        await Send.OkAsync(new PagedResult<Item>([.. rows.Select(Mapper.ToItem)], req.Page, req.Limit, total), ct);
    }
}
