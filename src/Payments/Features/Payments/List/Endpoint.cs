using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Payments.Features.Payments.List;

/// <summary>
/// Every payment, newest first, filterable by status and by being risk-held: the admin service's payments page.
/// ADMIN only; internal, never routed by the gateway (the admin service calls it with the admin's token).
/// </summary>
internal sealed class Endpoint(NpgsqlDataSource database) : Endpoint<Request, PagedResult<Item>>
{
    public override void Configure()
    {
        Get("/internal/payments");
        Policies(CareForAllPolicies.Admin);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var (rows, total) = await Data.ListAsync(database, req.Status, req.Held, req.Page, req.Limit, ct);
        await Send.OkAsync(new PagedResult<Item>([.. rows.Select(Mapper.ToItem)], req.Page, req.Limit, total), ct);
    }
}
