namespace CareForAll.Gateway.Caching;

/// <summary>Tags on cached responses; eviction by tag is the only way data-bearing entries leave early.</summary>
internal static class CacheTags
{
    /// <summary>Every cached campaign response (to flush them all).</summary>
    public const string Campaigns = "campaigns";

    /// <summary>Campaign lists and searches: they show every campaign, so any campaign's change evicts them.</summary>
    public const string CampaignLists = "campaign-lists";

    /// <summary>The cached pages of one campaign.</summary>
    public static string Campaign(Guid campaignId) => $"campaign:{campaignId:D}";
}
