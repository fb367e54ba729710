using System.Collections.Concurrent;
using CareForAll.Query.Data;

namespace CareForAll.Query.Caching;

/// <summary>
/// Every replica's copy of figures computed over many campaigns (top lists, platform statistics), dropped whole by
/// the "something changed" message every applied batch sends. A generation stamp keeps a computation that started
/// before a drop from being kept after it.
/// </summary>
internal sealed class StatsCache(QueryMetrics metrics)
{
    public const string Name = "stats";

    private readonly ConcurrentDictionary<string, RawJson> _entries = new(StringComparer.Ordinal);
    private long _generation;
    private volatile bool _trusted;

    public int Count => _entries.Count;

    public async ValueTask<RawJson> GetOrComputeAsync(string key, Func<CancellationToken, Task<RawJson>> compute, CancellationToken ct)
    {
        if (_trusted && _entries.TryGetValue(key, out var cached))
        {
            metrics.CacheHit(Name);
            return cached;
        }

        metrics.CacheMiss(Name);
        var generation = Volatile.Read(ref _generation);
        var trusted = _trusted;
        var value = await compute(ct);
        if (trusted && generation == Volatile.Read(ref _generation))
        {
            _entries[key] = value;
            if (generation != Volatile.Read(ref _generation))
            {
                _entries.TryRemove(KeyValuePair.Create(key, value));
            }
        }

        return value;
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    public void Trust()
    {
        Invalidate();
        _trusted = true;
    }

    public void Distrust()
    {
        _trusted = false;
        Invalidate();
    }
}
