using System.Diagnostics.Metrics;

namespace CareForAll.Query;

/// <summary>Business meters of the query service (exported with every <c>CareForAll.*</c> meter).</summary>
internal sealed class QueryMetrics
{
    public const string MeterName = "CareForAll.Query";

    private readonly Counter<long> _recorded;
    private readonly Counter<long> _applied;
    private readonly Histogram<double> _applyLag;
    private readonly Counter<long> _cacheHits;
    private readonly Counter<long> _cacheMisses;
    private readonly UpDownCounter<long> _liveSubscribers;
    private readonly Counter<long> _announced;
    private readonly Counter<long> _rebuilds;

    public QueryMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _recorded = meter.CreateCounter<long>(
            "careforall.query.ledger_rows_recorded", "{row}", "Pledge completions and refunds recorded in the ledger, by kind.");
        _applied = meter.CreateCounter<long>(
            "careforall.query.ledger_rows_applied", "{row}", "Ledger rows applied to the read models.");
        _applyLag = meter.CreateHistogram<double>(
            "careforall.query.apply_lag", "s", "Per applied batch: how long its oldest row waited between recording and applying.");
        _cacheHits = meter.CreateCounter<long>(
            "careforall.query.cache_hits", "{read}", "Reads answered from this replica's memory, by cache.");
        _cacheMisses = meter.CreateCounter<long>(
            "careforall.query.cache_misses", "{read}", "Reads that went to the database, by cache.");
        _liveSubscribers = meter.CreateUpDownCounter<long>(
            "careforall.query.live_subscribers", "{connection}", "Server-sent event connections open on this replica.");
        _announced = meter.CreateCounter<long>(
            "careforall.query.totals_announced", "{message}", "Campaign totals published to every replica.");
        _rebuilds = meter.CreateCounter<long>("careforall.query.rebuilds", "{rebuild}", "Read model rebuilds completed.");
    }

    public void Recorded(int rows, string kind)
    {
        if (rows > 0)
        {
            _recorded.Add(rows, new KeyValuePair<string, object?>("ledger.kind", kind));
        }
    }

    public void Applied(int rows, TimeSpan oldestWaited)
    {
        if (rows > 0)
        {
            _applied.Add(rows);
            _applyLag.Record(Math.Max(0, oldestWaited.TotalSeconds));
        }
    }

    public void CacheHit(string cache) => _cacheHits.Add(1, new KeyValuePair<string, object?>("cache", cache));

    public void CacheMiss(string cache) => _cacheMisses.Add(1, new KeyValuePair<string, object?>("cache", cache));

    public void LiveSubscriberOpened() => _liveSubscribers.Add(1);

    public void LiveSubscriberClosed() => _liveSubscribers.Add(-1);

    public void Announced(int messages) => _announced.Add(messages);

    public void Rebuilt() => _rebuilds.Add(1);
}
