using CareForAll.Query.Caching;
using CareForAll.Query.Data;

namespace CareForAll.Query.Features.Statistics.Platform;

/// <summary>
/// Platform statistics, from this replica's memory until the next applied batch or campaign change drops it on every
/// replica. Anonymous.
/// </summary>
internal sealed class Endpoint(NpgsqlDataSource database, StatsCache cache) : EndpointWithoutRequest<RawJson>
{
    private const string CacheKey = "platform";

    public override void Configure()
    {
        Get("/api/query/statistics/platform");
        AllowAnonymous();
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var statistics = await cache.GetOrComputeAsync(CacheKey, async token => RawJson.From(await Data.FindAsync(database, token)), ct);
        await Send.OkAsync(statistics, ct);
    }
}
