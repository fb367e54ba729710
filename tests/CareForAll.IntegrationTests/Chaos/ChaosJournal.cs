using System.Collections.Concurrent;
using System.Diagnostics;

namespace CareForAll.IntegrationTests.Chaos;

/// <summary>Everything the run saw, with times on one clock: each answer the donors got and each fault injected.</summary>
internal sealed class ChaosJournal
{
    /// <summary>After a resource is back, clients and pools still meet what it broke (a closed connection, a proxy's stale endpoint).</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(15);

    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>The wall-clock time of the journal's zero, to compare its times with what the stores recorded.</summary>
    public DateTimeOffset Origin { get; } = DateTimeOffset.UtcNow;
    private readonly ConcurrentQueue<Answer> _answers = new();
    private readonly ConcurrentQueue<Fault> _faults = new();

    public TimeSpan Now => _clock.Elapsed;

    /// <summary>One HTTP exchange, from sending to its answer; <paramref name="Status"/> is 0 when no answer came (refused, reset or timed out).</summary>
    public sealed record Answer(TimeSpan Sent, TimeSpan At, string Route, int Status, string? Problem);

    /// <summary>A fault from its injection until the resource answered again.</summary>
    public sealed record Fault(string Name, string Detail, TimeSpan Started, TimeSpan Recovered)
    {
        /// <summary>Whether the exchange was in flight at any moment of the outage or while the platform settled after it.</summary>
        public bool Covers(Answer answer) => answer.Sent <= Recovered + Settle && answer.At >= Started;
    }

    public void Record(TimeSpan sent, string route, int status, string? problem = null) => _answers.Enqueue(new Answer(sent, Now, route, status, problem));

    public void Record(Fault fault) => _faults.Enqueue(fault);

    public IReadOnlyList<Answer> Answers => [.. _answers];

    public IReadOnlyList<Fault> Faults => [.. _faults];

    /// <summary>Server errors, or no answer at all, that no planned outage explains.</summary>
    public IReadOnlyList<Answer> UnplannedFailures(IReadOnlyList<Fault> faults) =>
        [.. _answers.Where(a => (a.Status == 0 || a.Status >= 500) && !faults.Any(f => f.Covers(a)))];
}
