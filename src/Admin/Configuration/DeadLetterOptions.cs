namespace CareForAll.Admin.Configuration;

/// <summary>Settings of the dead-letter watch (<c>Admin:DeadLetters</c>).</summary>
internal sealed class DeadLetterOptions
{
    public const string SectionName = "Admin:DeadLetters";

    /// <summary>How often every consumer's dead-letter queue is counted.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    public string? Problem() =>
        Interval <= TimeSpan.Zero ? $"{SectionName}:Interval must be positive." : null;
}
