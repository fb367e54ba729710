namespace CareForAll.Query.Features.Ledger.Apply;

/// <summary>Settings of the read model applier (<c>Query:Applier</c>).</summary>
internal sealed class ApplierOptions
{
    public const string SectionName = "Query:Applier";

    /// <summary>Ledger rows claimed per transaction; a viral campaign's burst becomes one update of its row per batch.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>How often to look when no notification arrives (a missed one, or the LISTEN connection being re-opened).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How soon to look again after refunds were deferred behind another replica's batch.</summary>
    public TimeSpan DeferredRetry { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Longest wait between retries while the database or Redis is failing.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Campaign totals published per announcing transaction.</summary>
    public int AnnounceBatchSize { get; set; } = 500;

    /// <summary>How long one publish to Redis may take before the announcement is retried.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
