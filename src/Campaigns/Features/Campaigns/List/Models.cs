using CareForAll.Campaigns.Domain;

namespace CareForAll.Campaigns.Features.Campaigns.List;

/// <summary>The public campaign list: only active, completed and expired campaigns.</summary>
internal sealed class Request
{
    /// <summary><c>active</c>, <c>completed</c> or <c>expired</c>; all three when absent.</summary>
    public string? Status { get; init; }

    /// <summary>A campaign type.</summary>
    public string? Type { get; init; }

    public Guid? OrganizerId { get; init; }

    /// <summary>Search words, as people type them: <c>"heart surgery" -dhaka</c>, <c>flood OR cyclone</c>.</summary>
    public string? Q { get; init; }

    /// <summary>
    /// <c>newest</c> (the default, or by relevance when <see cref="Q"/> is given), <c>ending_soon</c>,
    /// <c>most_raised</c> or <c>goal_progress</c>.
    /// </summary>
    public string? Sort { get; init; }

    public int Page { get; init; } = 1;

    public int Limit { get; init; } = Paging.DefaultLimit;
}

internal sealed class Validator : Validator<Request>
{
    public const int MaxQueryLength = 200;

    public Validator()
    {
        RuleFor(x => x.Status)
            .Must(status => status is null || CampaignStatus.Public.Contains(status, StringComparer.Ordinal))
            .WithMessage($"Status must be one of: {string.Join(", ", CampaignStatus.Public)}.");
        RuleFor(x => x.Type).CampaignTypeName();
        RuleFor(x => x.Q).MaximumLength(MaxQueryLength).WithMessage($"Search text must be at most {MaxQueryLength} characters.");
        RuleFor(x => x.Sort)
            .Must(sort => sort is null || CampaignSort.All.Contains(sort, StringComparer.Ordinal))
            .WithMessage($"Sort must be one of: {string.Join(", ", CampaignSort.All)}.");
        RuleFor(x => x.Page).PageNumber();
        RuleFor(x => x.Limit).PageLimit();
    }
}

internal static class CampaignSort
{
    public const string Newest = "newest";
    public const string EndingSoon = "ending_soon";
    public const string MostRaised = "most_raised";
    public const string GoalProgress = "goal_progress";

    /// <summary>Not asked for by name: the order of a search without an explicit sort.</summary>
    public const string Relevance = "relevance";

    public static readonly IReadOnlyList<string> All = [Newest, EndingSoon, MostRaised, GoalProgress];
}
