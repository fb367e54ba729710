using CareForAll.Query.Access;
using CareForAll.Query.Caching;
using CareForAll.Query.Data;

namespace CareForAll.Query.Features.Totals.Get;

/// <summary>
/// A campaign's totals, the platform's hottest read: from this replica's memory when warm (no database, the body
/// serialized once per version), kept current by events through Redis pub/sub, never by a TTL. Anonymous.
/// </summary>
internal sealed class Endpoint(TotalsCache cache) : EndpointWithoutRequest<RawJson>
{
    public override void Configure()
    {
        Get("/api/query/campaigns/{id}/totals");
        AllowAnonymous();
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        ThrowIfAnyErrors();
        var totals = await cache.GetAsync(id, ct);
        if (!totals.IsVisible)
        {
            throw QueryErrors.CampaignNotFound();
        }

        await Send.OkAsync(totals.Body!, ct);
    }
}
