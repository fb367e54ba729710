using System.Collections.Concurrent;

namespace CareForAll.SslCommerzSandbox.Notifications;

/// <summary>Every delivery attempt the sandbox made, for <c>/_sandbox/deliveries</c>.</summary>
internal sealed class DeliveryJournal
{
    private readonly ConcurrentQueue<DeliveryRecord> _records = new();
    private long _sequence;

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public void Add(DeliveryRecord record) => _records.Enqueue(record);

    /// <summary>The attempts for one tran_id (all when null), in sending order.</summary>
    public IReadOnlyList<DeliveryRecord> For(string? tranId) =>
        [.. _records.Where(record => tranId is null || record.TranId == tranId).OrderBy(record => record.Sequence)];
}
