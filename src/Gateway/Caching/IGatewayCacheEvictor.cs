namespace CareForAll.Gateway.Caching;

/// <summary>
/// Drops cached responses when the data behind them changes. Campaign event handlers call this; the store is
/// Redis, so one eviction reaches every gateway replica.
/// </summary>
internal interface IGatewayCacheEvictor
{
    /// <summary>Evicts the campaign's own pages and every campaign list.</summary>
    ValueTask EvictCampaignAsync(Guid campaignId, CancellationToken cancellationToken);
}
