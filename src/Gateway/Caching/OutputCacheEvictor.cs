using Microsoft.AspNetCore.OutputCaching;

namespace CareForAll.Gateway.Caching;

internal sealed class OutputCacheEvictor(IOutputCacheStore store) : IGatewayCacheEvictor
{
    public async ValueTask EvictCampaignAsync(Guid campaignId, CancellationToken cancellationToken)
    {
        await store.EvictByTagAsync(CacheTags.Campaign(campaignId), cancellationToken);
        await store.EvictByTagAsync(CacheTags.CampaignLists, cancellationToken);
    }
}
