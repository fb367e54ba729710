using CareForAll.Campaigns.Access;
using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;
using View = CareForAll.Campaigns.Features.Campaigns.Get;

namespace CareForAll.Campaigns.Features.Campaigns.ListByOrganizer;

/// <summary>An organiser's own dashboard (drafts included), or an admin looking at any organiser.</summary>
internal sealed class Endpoint(NpgsqlDataSource database) : Endpoint<Request, PagedResult<View.Response>>
{
    public override void Configure()
    {
        Get("/api/campaigns/user/{userId}");
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (Caller.Id(User) != req.UserId && !User.IsAdmin())
        {
            throw new ApiException(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "Only the organiser or an admin may list these campaigns.");
        }

        var (rows, total) = await Data.FindAsync(database, req.UserId, req.Status, req.Page, req.Limit, ct);
        await Send.OkAsync(new PagedResult<View.Response>([.. rows.Select(View.Mapper.ToResponse)], req.Page, req.Limit, total), ct);
    }
}
