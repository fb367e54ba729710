using CareForAll.Query.Data;

namespace CareForAll.Query.Caching;

/// <summary>
/// One campaign's totals as this replica holds them: the view, and its response body serialized once for this
/// version. <see cref="View"/> is null for a campaign the read side does not know (never kept in memory).
/// </summary>
internal sealed class CachedTotals
{
    private CachedTotals(Guid campaignId, TotalsView? view, RawJson? body)
    {
        CampaignId = campaignId;
        View = view;
        Body = body;
    }

    public Guid CampaignId { get; }

    public TotalsView? View { get; }

    public RawJson? Body { get; }

    /// <summary>The read-model version; 0 for an unknown campaign.</summary>
    public long Version => View?.Version ?? 0;

    /// <summary>Whether readers may see it: it exists and is not a draft.</summary>
    public bool IsVisible => View is { Status: not QueryRules.DraftStatus };

    public static CachedTotals Unknown(Guid campaignId) => new(campaignId, null, null);

    public static CachedTotals From(TotalsView view) => new(view.CampaignId, view, RawJson.From(view));

    /// <summary>From a pub/sub message: the message's bytes are the body, as serialized by the replica that sent it.</summary>
    public static CachedTotals FromMessage(ReadOnlyMemory<byte> utf8)
    {
        var body = new RawJson(utf8.ToArray());
        var view = body.Read<TotalsView>();
        return new CachedTotals(view.CampaignId, view, body);
    }
}
