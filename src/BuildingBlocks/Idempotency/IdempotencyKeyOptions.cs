namespace CareForAll.BuildingBlocks.Idempotency;

/// <summary>Settings of Idempotency-Key handling (configuration section <c>Idempotency</c>).</summary>
public sealed class IdempotencyKeyOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Idempotency";

    /// <summary>How long a key and its stored response are kept.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The <c>Retry-After</c> (seconds) sent with 409 while the first request with a key is still running.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Longest accepted key.</summary>
    public int MaxKeyLength { get; set; } = 255;

    /// <summary>How often expired keys are deleted.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
}
