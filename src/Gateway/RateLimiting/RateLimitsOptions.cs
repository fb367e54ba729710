namespace CareForAll.Gateway.RateLimiting;

/// <summary>
/// The <c>RateLimits</c> configuration section. Budgets are the per-service windows every route of a
/// service shares (a route names its budget in its YARP metadata <c>RateLimitBudget</c>); policies are the
/// tighter per-route limits a route names in its YARP <c>RateLimiterPolicy</c>. A request on a route with
/// both must pass both.
/// </summary>
internal sealed class RateLimitsOptions
{
    public const string SectionName = "RateLimits";
    public const string BudgetMetadataKey = "RateLimitBudget";

    public Dictionary<string, RateLimitRule> Budgets { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, RateLimitRule> Policies { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public static RateLimitsOptions From(IConfiguration configuration)
    {
        var bound = configuration.GetSection(SectionName).Get<RateLimitsOptions>() ?? new RateLimitsOptions();
        // The binder may hand back its own dictionaries; names in routes are matched without regard to case.
        return new RateLimitsOptions
        {
            Budgets = new Dictionary<string, RateLimitRule>(bound.Budgets, StringComparer.OrdinalIgnoreCase),
            Policies = new Dictionary<string, RateLimitRule>(bound.Policies, StringComparer.OrdinalIgnoreCase),
        };
    }
}
