using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Identity.Features.Users.List;

/// <summary>
/// Internal (the gateway never routes /internal), admin only: the admin service's user list, with the facts an
/// admin decides a suspension on. No password hash, phone or bio leaves here.
/// </summary>
internal sealed class Endpoint(NpgsqlDataSource database) : Endpoint<Request, PagedResult<Item>>
{
    public override void Configure()
    {
        Get("/internal/users");
        Policies(CareForAllPolicies.Admin);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var (rows, total) = await Data.FindAsync(database, req, ct);
        await Send.OkAsync(new PagedResult<Item>([.. rows.Select(Mapper.ToItem)], req.Page, req.Limit, total), ct);
    }
}
