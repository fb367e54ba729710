namespace CareForAll.BuildingBlocks.Messaging;

/// <summary>Settings of the outbox relay (configuration section <c>Messaging:Relay</c>).</summary>
public sealed class RelayOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Messaging:Relay";

    /// <summary>Rows claimed and published per round; they are all in flight together.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Most publishes awaiting their broker confirm at once on the relay's channel.</summary>
    public int MaxInFlight { get; set; } = 2000;

    /// <summary>How often the relay looks for rows when no notification arrives (notifications are the normal path).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a claim stays exclusive; a replica that dies mid-publish frees its rows after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between attempts while the broker is away.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long sent rows are kept for inspection before deletion.</summary>
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(1);
}
