using System.Threading.RateLimiting;

namespace CareForAll.Gateway.RateLimiting;

internal static class FixedWindowPartitions
{
    /// <summary>A fixed window per key, no queueing: a request over the limit is refused at once.</summary>
    public static RateLimitPartition<string> For(string key, RateLimitRule rule) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = rule.PermitLimit,
            Window = rule.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
}
