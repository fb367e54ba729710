namespace CareForAll.Campaigns.Features.Contributions.Apply;

/// <summary>Settings of the totals applier (<c>Campaigns:Totals</c>).</summary>
internal sealed class TotalsOptions
{
    public const string SectionName = "Campaigns:Totals";

    /// <summary>Contributions claimed per transaction; a viral campaign's burst becomes one UPDATE per batch.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>How often to look when no notification arrives (a missed one, or a LISTEN connection being re-opened).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between retries while the database is failing.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(10);
}
