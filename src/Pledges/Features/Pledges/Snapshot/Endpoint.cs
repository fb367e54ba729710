using CareForAll.BuildingBlocks.Api;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Pledges.Features.Pledges.Snapshot;

/// <summary>
/// Every pledge the read side counts (completed or refunded), a page at a time by id, for rebuilding the read models
/// from the source instead of replaying events that are long gone. ADMIN only; internal, never routed by the gateway
/// (the query service calls it with the admin's token). <c>meta.next</c> is the <c>after</c> of the next page, null
/// on the last.
/// </summary>
internal sealed class Endpoint(NpgsqlDataSource database) : Endpoint<Request, KeysetEnvelope>
{
    public override void Configure()
    {
        Get("/internal/pledges/snapshot");
        Policies(CareForAllPolicies.Admin);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        // One more than asked says whether another page exists without a count over the whole table.
        var rows = await Data.PageAsync(database, req.After ?? Guid.Empty, req.Limit + 1, ct);
        var items = rows.Take(req.Limit).Select(Mapper.ToItem).ToList();
        var next = rows.Count > req.Limit ? items[^1].PledgeId : (Guid?)null;
        await Send.OkAsync(KeysetEnvelope.Create(HttpContext, items, next), ct);
    }
}
