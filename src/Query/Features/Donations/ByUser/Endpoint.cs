using CareForAll.Query.Access;
using CareForAll.ServiceDefaults.Api;

namespace CareForAll.Query.Features.Donations.ByUser;

/// <summary>A user's own donation history; an admin may read anyone's, nobody else may.</summary>
internal sealed class Endpoint(NpgsqlDataSource database) : Endpoint<Request, PagedResult<DonationRecord>>
{
    public override void Configure()
    {
        Get("/api/query/users/{id}/donations");
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        QueryErrors.RequireSelfOrAdmin(User, req.Id);
        var (items, total) = await Data.PageAsync(database, req.Id, req.Limit, Paging.Offset(req.Page, req.Limit), ct);
        await Send.OkAsync(new PagedResult<DonationRecord>(items, req.Page, req.Limit, total), ct);
    }
}
