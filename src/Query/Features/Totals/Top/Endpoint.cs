using CareForAll.Query.Caching;
using CareForAll.Query.Data;

namespace CareForAll.Query.Features.Totals.Top;

/// <summary>
/// The top campaigns (active, completed or expired only), from this replica's memory when nothing changed since it
/// was computed: every applied batch drops it on every replica. Anonymous.
/// </summary>
internal sealed class Endpoint(NpgsqlDataSource database, StatsCache cache) : Endpoint<Request, RawJson>
{
    public override void Configure()
    {
        Get("/api/query/campaigns/top");
        AllowAnonymous();
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var key = $"top:{req.By}:{req.Type}:{req.Limit}";
        var top = await cache.GetOrComputeAsync(
            key, async token => RawJson.From(await Data.TopAsync(database, req.By, req.Type, req.Limit, token)), ct);
        await Send.OkAsync(top, ct);
    }
}
