namespace CareForAll.Query.Features.Totals.Live;

/// <summary>Settings of the live totals stream (<c>Query:Live</c>).</summary>
internal sealed class LiveOptions
{
    public const string SectionName = "Query:Live";

    /// <summary>How often a quiet stream sends a comment, so proxies and browsers keep it open.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>What the stream tells a browser to wait before reconnecting.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(2);
}
