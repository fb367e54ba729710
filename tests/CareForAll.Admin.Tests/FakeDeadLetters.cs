using System.Collections.Concurrent;
using CareForAll.Admin.Features.SystemNotifications.DeadLetters;

namespace CareForAll.Admin.Tests;

/// <summary>Dead-letter counts as the test sets them; a queue set to null is one the broker cannot count.</summary>
internal sealed class FakeDeadLetters : IDeadLetterCounter
{
    private readonly ConcurrentDictionary<string, long?> _counts = new(StringComparer.Ordinal);

    public void Set(string queue, long? count) => _counts[queue] = count;

    public Task<long?> CountAsync(string queue, CancellationToken ct) =>
        Task.FromResult(_counts.TryGetValue(queue, out var count) ? count : 0);
}
