using CareForAll.BuildingBlocks.Messaging;

namespace CareForAll.Gateway.Caching;

/// <summary>
/// Any campaign event (a status move, an edit, money applied to its total) evicts that campaign's cached pages and
/// every cached list, so a donation or a status is never hidden behind a stale cache entry.
/// </summary>
internal sealed class EvictCampaignPages(IGatewayCacheEvictor evictor) : IEventListener<CampaignChanged>
{
    public async Task HandleAsync(IntegrationEvent envelope, CampaignChanged data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(data);
        await evictor.EvictCampaignAsync(data.CampaignId == Guid.Empty ? envelope.AggregateId : data.CampaignId, cancellationToken);
    }
}
