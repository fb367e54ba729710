namespace CareForAll.Admin.Configuration;

/// <summary>Settings of the dead-letter watch (<c>Admin:DeadLetters</c>).</summary>
internal sealed class DeadLetterOptions
{
    public const string SectionName = "Admin:DeadLetters";

    /// <summary>How often every consumer's dead-letter queue is counted.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After the broker refused a connection, how long counts are reported unavailable before trying again.</summary>
    public TimeSpan ReconnectAfter { get; set; } = TimeSpan.FromSeconds(5);

    public string? Problem() =>
        Interval <= TimeSpan.Zero ? $"{SectionName}:Interval must be positive."
        : ReconnectAfter < TimeSpan.Zero ? $"{SectionName}:ReconnectAfter must not be negative."
        : null;
}
