using System.Threading.Channels;

namespace CareForAll.Query.Caching;

/// <summary>
/// The live-totals connections open on this replica, by campaign. Every totals message (whichever replica applied
/// the change) reaches every replica, which hands it to its own subscribers here.
/// </summary>
internal sealed class LiveTotalsHub
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, List<LiveSubscription>> _byCampaign = [];

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _byCampaign.Values.Sum(s => s.Count);
            }
        }
    }

    /// <summary>Starts receiving the campaign's changes (subscribe before reading the current totals, so none is missed).</summary>
    public LiveSubscription Subscribe(Guid campaignId)
    {
        var subscription = new LiveSubscription(this, campaignId);
        lock (_lock)
        {
            if (!_byCampaign.TryGetValue(campaignId, out var list))
            {
                _byCampaign[campaignId] = list = [];
            }

            list.Add(subscription);
        }

        return subscription;
    }

    /// <summary>Hands a change to the campaign's subscribers.</summary>
    public void Publish(CachedTotals totals)
    {
        lock (_lock)
        {
            if (_byCampaign.TryGetValue(totals.CampaignId, out var list))
            {
                foreach (var subscription in list)
                {
                    subscription.Offer(totals);
                }
            }
        }
    }

    /// <summary>Tells every subscriber to read its campaign again (after the memory was dropped: a rebuild, a reconnect).</summary>
    public void ResyncAll()
    {
        lock (_lock)
        {
            foreach (var subscription in _byCampaign.Values.SelectMany(s => s))
            {
                subscription.Offer(null);
            }
        }
    }

    internal void Remove(LiveSubscription subscription)
    {
        lock (_lock)
        {
            if (_byCampaign.TryGetValue(subscription.CampaignId, out var list) && list.Remove(subscription) && list.Count == 0)
            {
                _byCampaign.Remove(subscription.CampaignId);
            }
        }
    }
}

/// <summary>
/// One live connection's inbox: only the newest change matters, so it holds one and a newer one replaces it (a slow
/// client never makes the replica queue changes). A null item means "read the totals again".
/// </summary>
internal sealed class LiveSubscription(LiveTotalsHub hub, Guid campaignId) : IDisposable
{
    private readonly Channel<CachedTotals?> _inbox = Channel.CreateBounded<CachedTotals?>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public Guid CampaignId { get; } = campaignId;

    public ChannelReader<CachedTotals?> Reader => _inbox.Reader;

    internal void Offer(CachedTotals? totals) => _inbox.Writer.TryWrite(totals);

    public void Dispose()
    {
        hub.Remove(this);
        _inbox.Writer.TryComplete();
    }
}
