using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace CareForAll.Gateway.Caching;

internal sealed class OutputCacheEvictor(IOutputCacheStore store, IOptions<GatewayOptions> options, TimeProvider clock) : IGatewayCacheEvictor
{
    public async ValueTask EvictCampaignAsync(Guid campaignId, CancellationToken cancellationToken)
    {
        // Marked before evicting, so a response in flight cannot be stored between the two.
        var now = clock.GetUtcNow();
        var keepFor = options.Value.CacheEntryMaxAge;
        foreach (var tag in new[] { CacheTags.Campaign(campaignId), CacheTags.CampaignLists })
        {
            await EvictionMarks.MarkAsync(store, tag, now, keepFor, cancellationToken);
            await store.EvictByTagAsync(tag, cancellationToken);
        }
    }
}
