using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Pledges.Features.Pledges.ListByUser;

/// <summary>A user's pledges, newest first: for that user or an admin only.</summary>
internal sealed class Endpoint(NpgsqlDataSource database) : Endpoint<Request, PagedResult<Item>>
{
    public override void Configure()
    {
        Get("/api/pledges/user/{userId}");
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (User.UserId() != req.UserId && !User.IsAdmin())
        {
            throw new ApiException(StatusCodes.Status403Forbidden, "FORBIDDEN", "You may only read your own pledges.");
        }

        var (rows, total) = await Data.ListAsync(database, req.UserId, req.Page, req.Limit, ct);
        await Send.OkAsync(new PagedResult<Item>([.. rows.Select(Mapper.ToItem)], req.Page, req.Limit, total), ct);
    }
}
