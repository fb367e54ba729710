using CareForAll.BuildingBlocks.Api;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Campaigns.Features.Campaigns.Snapshot;

/// <summary>
/// Internal, admin only: every campaign, page by page in id order, for rebuilding a read model from the source
/// (the query service forwards the admin's token). Pages are read at different moments, so the whole is not one
/// instant; each item carries its version, and events newer than it (still queued for the reader) win.
/// Loop: call without <c>after</c>, then with <c>after = meta.next</c> until <c>meta.next</c> is null.
/// </summary>
internal sealed class Endpoint(NpgsqlDataSource database) : Endpoint<Request, KeysetEnvelope>
{
    public override void Configure()
    {
        Get("/internal/campaigns/snapshot");
        Policies(CareForAllPolicies.Admin);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var (rows, more) = await Data.FindAsync(database, req.After, req.Limit, ct);
        await Send.OkAsync(
            KeysetEnvelope.Create<SnapshotItem>(HttpContext, [.. rows.Select(Mapper.ToItem)], more ? rows[^1].Id : null), ct);
    }
}
