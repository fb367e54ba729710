namespace CareForAll.Campaigns.Features.Closing;

/// <summary>Settings of the job that closes campaigns whose end date passed (<c>Campaigns:Closing</c>).</summary>
internal sealed class ClosingOptions
{
    public const string SectionName = "Campaigns:Closing";

    /// <summary>How often to look for ended campaigns.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Campaigns closed per transaction.</summary>
    public int BatchSize { get; set; } = 100;
}
