namespace CareForAll.Gateway.RateLimiting;

internal static class RateLimitingRegistration
{
    /// <summary>Registers the per-service budgets (global limiter) and the named per-route policies.</summary>
    public static IServiceCollection AddGatewayRateLimiting(this IServiceCollection services, RateLimitsOptions limits)
    {
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = ServiceBudgetLimiter.Create(limits.Budgets);
            foreach (var (name, rule) in limits.Policies)
            {
                options.AddPolicy(name, context => FixedWindowPartitions.For(RateLimitPartitionKeys.For(context, rule.PartitionBy), rule));
            }

            options.OnRejected = RateLimitRejection.OnRejectedAsync;
        });
        return services;
    }
}
