using CareForAll.Campaigns.Domain;

namespace CareForAll.Campaigns.Features.Campaigns.ListAll;

/// <summary>Every campaign in any status, drafts and cancelled ones included, newest first.</summary>
internal sealed class Request
{
    /// <summary>Optional: only campaigns in this status.</summary>
    public string? Status { get; init; }

    /// <summary>Search words, as in the public list (title above description).</summary>
    public string? Search { get; init; }

    public int Page { get; init; } = 1;

    public int Limit { get; init; } = Paging.DefaultLimit;
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Status)
            .Must(status => status is null || CampaignStatus.IsKnown(status))
            .WithMessage($"Status must be one of: {string.Join(", ", CampaignStatus.All)}.");
        RuleFor(x => x.Search)
            .MaximumLength(List.Validator.MaxQueryLength)
            .WithMessage($"Search text must be at most {List.Validator.MaxQueryLength} characters.");
        RuleFor(x => x.Page).PageNumber();
        RuleFor(x => x.Limit).PageLimit();
    }
}
