using System.Threading.RateLimiting;
using Yarp.ReverseProxy.Model;

namespace CareForAll.Gateway.RateLimiting;

/// <summary>
/// The global limiter: each proxied route spends from the budget its configuration names, per user or
/// client address. Endpoints without a budget (health, fallback) are not limited.
/// </summary>
internal static class ServiceBudgetLimiter
{
    private const string Unlimited = "unlimited";

    public static PartitionedRateLimiter<HttpContext> Create(IReadOnlyDictionary<string, RateLimitRule> budgets) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var budgetName = BudgetOf(context.GetEndpoint());
            if (budgetName is null || !budgets.TryGetValue(budgetName, out var rule))
            {
                return RateLimitPartition.GetNoLimiter(Unlimited);
            }

            var key = RateLimitPartitionKeys.For(context, rule.PartitionBy);
            return FixedWindowPartitions.For($"{budgetName}|{key}", rule);
        });

    /// <summary>The budget a YARP route names in its metadata, if the endpoint is a proxied route.</summary>
    public static string? BudgetOf(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<RouteModel>()?.Config.Metadata is { } metadata
        && metadata.TryGetValue(RateLimitsOptions.BudgetMetadataKey, out var name)
            ? name
            : null;
}
