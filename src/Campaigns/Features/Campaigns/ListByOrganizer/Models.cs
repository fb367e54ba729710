using CareForAll.Campaigns.Domain;

namespace CareForAll.Campaigns.Features.Campaigns.ListByOrganizer;

/// <summary>Every campaign one organiser started, whatever its status, newest first.</summary>
internal sealed class Request
{
    /// <summary>From the route: the organiser.</summary>
    public Guid UserId { get; init; }

    /// <summary>Optional: only campaigns in this status.</summary>
    public string? Status { get; init; }

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
        RuleFor(x => x.Page).PageNumber();
        RuleFor(x => x.Limit).PageLimit();
    }
}
