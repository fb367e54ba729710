using CareForAll.Gateway.RateLimiting;

namespace CareForAll.Gateway.Proxy;

/// <summary>
/// Startup check of the route table against the gateway's rules, so a mistake in a later service's route
/// fails the start with a clear message instead of opening a hole: no route under <c>/internal</c>, every
/// route spends from a configured budget, every named policy exists, every limit is positive.
/// </summary>
internal static class RouteTableCheck
{
    // YARP's reserved policy names: "Default" applies the global limiter only, "Disable" turns limiting off.
    private static readonly string[] ReservedPolicyNames = ["Default", "Disable"];

    public static IReadOnlyList<string> Problems(IConfiguration configuration, RateLimitsOptions limits)
    {
        var problems = new List<string>();
        foreach (var (name, rule) in limits.Budgets.Select(b => ($"budget '{b.Key}'", b.Value))
                     .Concat(limits.Policies.Select(p => ($"policy '{p.Key}'", p.Value))))
        {
            if (rule.PermitLimit <= 0 || rule.Window <= TimeSpan.Zero)
            {
                problems.Add($"RateLimits {name} needs a positive PermitLimit and Window.");
            }
        }

        foreach (var route in configuration.GetSection("ReverseProxy:Routes").GetChildren())
        {
            var path = route["Match:Path"];
            if (path is not null && InternalPathGuardMiddleware.IsInternal(new PathString(path)))
            {
                problems.Add($"Route '{route.Key}' exposes '{path}'; /internal routes are never proxied.");
            }

            var budget = route[$"Metadata:{RateLimitsOptions.BudgetMetadataKey}"];
            if (string.IsNullOrWhiteSpace(budget))
            {
                problems.Add($"Route '{route.Key}' names no Metadata:{RateLimitsOptions.BudgetMetadataKey}.");
            }
            else if (!limits.Budgets.ContainsKey(budget))
            {
                problems.Add($"Route '{route.Key}' spends from budget '{budget}', which RateLimits:Budgets does not define.");
            }

            var policy = route["RateLimiterPolicy"];
            if (!string.IsNullOrWhiteSpace(policy)
                && !ReservedPolicyNames.Contains(policy, StringComparer.OrdinalIgnoreCase)
                && !limits.Policies.ContainsKey(policy))
            {
                problems.Add($"Route '{route.Key}' uses rate-limit policy '{policy}', which RateLimits:Policies does not define.");
            }
        }

        return problems;
    }

    public static void ThrowIfInvalid(IConfiguration configuration, RateLimitsOptions limits)
    {
        var problems = Problems(configuration, limits);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                "The gateway's route configuration is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }
    }
}
