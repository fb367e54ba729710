using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;
using ReadPledge = CareForAll.Pledges.Features.Pledges.Get;

namespace CareForAll.Pledges.Features.Pledges.ListByUser;

/// <summary>A user's pledges, newest first, each as the donor reads it alone: for that user or an admin only.</summary>
internal sealed class Endpoint(NpgsqlDataSource database) : Endpoint<Request, PagedResult<ReadPledge.Response>>
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
        await Send.OkAsync(new PagedResult<ReadPledge.Response>([.. rows.Select(ReadPledge.Mapper.ToResponse)], req.Page, req.Limit, total), ct);
    }
}
