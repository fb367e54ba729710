namespace CareForAll.Gateway.Caching;

/// <summary>The part of every <c>campaign.*</c> event the gateway needs: which campaign changed.</summary>
internal sealed record CampaignChanged(Guid CampaignId);
