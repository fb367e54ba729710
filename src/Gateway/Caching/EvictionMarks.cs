using System.Buffers.Binary;
using Microsoft.AspNetCore.OutputCaching;

namespace CareForAll.Gateway.Caching;

/// <summary>
/// When each cache tag was last evicted, kept in the output cache's own store (Redis, shared by every replica). A
/// response whose request started before its tag's last eviction was computed from data the eviction announced as
/// stale, so it must not be stored: otherwise a page read just before a donation landed, and stored just after its
/// eviction, would hide that donation until the next one.
/// </summary>
internal static class EvictionMarks
{
    /// <summary>
    /// Gateway replicas' clocks may differ slightly: a request that started this soon after an eviction is treated
    /// as overlapping it (it costs one more cache miss, never a stale page).
    /// </summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromSeconds(1);

    private const string KeyPrefix = "evicted:";

    public static ValueTask MarkAsync(IOutputCacheStore store, string tag, DateTimeOffset at, TimeSpan keepFor, CancellationToken cancellationToken)
    {
        var value = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(value, at.ToUnixTimeMilliseconds());
        return store.SetAsync(KeyPrefix + tag, value, tags: null, keepFor, cancellationToken);
    }

    /// <summary>Whether <paramref name="tag"/> was evicted after (or about when) a request that started at <paramref name="requestStart"/>.</summary>
    public static async ValueTask<bool> EvictedSinceAsync(IOutputCacheStore store, string tag, DateTimeOffset requestStart, CancellationToken cancellationToken)
    {
        var value = await store.GetAsync(KeyPrefix + tag, cancellationToken);
        if (value is not { Length: sizeof(long) })
        {
            return false;
        }

        var evictedAt = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(value));
        return evictedAt >= requestStart - ClockTolerance;
    }
}
