namespace CareForAll.Gateway.RateLimiting;

/// <summary>A fixed-window limit: <see cref="PermitLimit"/> requests per <see cref="Window"/> per partition.</summary>
internal sealed class RateLimitRule
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }

    public RateLimitPartitionBy PartitionBy { get; set; } = RateLimitPartitionBy.UserOrClientAddress;
}
