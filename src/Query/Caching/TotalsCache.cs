using System.Collections.Concurrent;
using CareForAll.Query.Data;

namespace CareForAll.Query.Caching;

/// <summary>
/// Every replica's copy of campaign totals, filled from the database on a miss and kept current by the pub/sub
/// messages every replica receives (never by a TTL). Two stamps keep a stale copy out: each entry's version (a fill
/// that read an older row than a message already delivered loses to it), and a generation bumped on every
/// wholesale drop (a fill that started before the drop is not kept). While the pub/sub connection is not known to be
/// working nothing is served from or kept in memory.
/// </summary>
internal sealed class TotalsCache
{
    public const string Name = "totals";

    private readonly ConcurrentDictionary<Guid, CachedTotals> _entries = new();
    private readonly Func<Guid, CancellationToken, Task<TotalsView?>> _load;
    private readonly QueryMetrics _metrics;
    private long _generation;
    private volatile bool _trusted;

    public TotalsCache(NpgsqlDataSource database, QueryMetrics metrics)
        : this((id, ct) => TotalsSql.FindAsync(database, id, ct), metrics)
    {
    }

    /// <summary>With another loader (tests hold a fill between its read and its store).</summary>
    internal TotalsCache(Func<Guid, CancellationToken, Task<TotalsView?>> load, QueryMetrics metrics)
    {
        _load = load;
        _metrics = metrics;
    }

    /// <summary>Whether entries are served from memory (the invalidation channel is known to be working).</summary>
    public bool Trusted => _trusted;

    public int Count => _entries.Count;

    /// <summary>The campaign's totals: from memory when warm (no database, no allocation), else from the database.</summary>
    public ValueTask<CachedTotals> GetAsync(Guid campaignId, CancellationToken ct)
    {
        if (_trusted && _entries.TryGetValue(campaignId, out var cached))
        {
            _metrics.CacheHit(Name);
            return ValueTask.FromResult(cached);
        }

        _metrics.CacheMiss(Name);
        return new ValueTask<CachedTotals>(FillAsync(campaignId, ct));
    }

    /// <summary>A change delivered by pub/sub: kept unless a newer version is already here.</summary>
    public bool Apply(CachedTotals update) => Offer(update, Volatile.Read(ref _generation));

    /// <summary>Drops everything; fills already running when this is called are not kept.</summary>
    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    /// <summary>The invalidation channel works again (or for the first time): start from an empty memory.</summary>
    public void Trust()
    {
        Clear();
        _trusted = true;
    }

    /// <summary>Invalidations may be missed from now on: serve from the database until trusted again.</summary>
    public void Distrust()
    {
        _trusted = false;
        Clear();
    }

    internal bool TryPeek(Guid campaignId, out CachedTotals? entry) => _entries.TryGetValue(campaignId, out entry);

    private async Task<CachedTotals> FillAsync(Guid campaignId, CancellationToken ct)
    {
        // Both stamps are taken before the read: anything that happens while it runs wins over what it returns.
        var generation = Volatile.Read(ref _generation);
        var trusted = _trusted;
        var view = await _load(campaignId, ct);
        if (view is null)
        {
            // Not kept: anyone can ask for random ids, and memory must not grow with them.
            return CachedTotals.Unknown(campaignId);
        }

        var entry = CachedTotals.From(view);
        if (trusted)
        {
            Offer(entry, generation);
        }

        return entry;
    }

    private bool Offer(CachedTotals entry, long generation)
    {
        if (generation != Volatile.Read(ref _generation))
        {
            return false;
        }

        var stored = _entries.AddOrUpdate(
            entry.CampaignId,
            static (_, offered) => offered,
            static (_, current, offered) => current.Version >= offered.Version ? current : offered,
            entry);
        if (!ReferenceEquals(stored, entry))
        {
            return false;
        }

        // A drop may have run between the check above and the store: then what was stored is from before it.
        if (generation != Volatile.Read(ref _generation))
        {
            _entries.TryRemove(KeyValuePair.Create(entry.CampaignId, entry));
            return false;
        }

        return true;
    }
}
