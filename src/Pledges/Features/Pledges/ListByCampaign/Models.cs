namespace CareForAll.Pledges.Features.Pledges.ListByCampaign;

internal sealed class Request
{
    /// <summary>From the route.</summary>
    public Guid CampaignId { get; init; }

    public int Page { get; init; } = 1;

    public int Limit { get; init; } = PledgeLimits.DefaultPageSize;
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.CampaignId).NotEmpty().WithMessage("Campaign id is required.");
        RuleFor(x => x.Page).InclusiveBetween(1, PledgeLimits.MaxPage)
            .WithMessage($"Page must be between 1 and {PledgeLimits.MaxPage}.");
        RuleFor(x => x.Limit).InclusiveBetween(1, PledgeLimits.MaxPageSize)
            .WithMessage($"Limit must be between 1 and {PledgeLimits.MaxPageSize}.");
    }
}

/// <summary>One line of the donor wall. Never an email; an anonymous donor has no name and no account here.</summary>
internal sealed class Item
{
    public required Guid Id { get; init; }

    public required Guid CampaignId { get; init; }

    public Guid? UserId { get; init; }

    public string? DonorName { get; init; }

    public required bool IsAnonymous { get; init; }

    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    public string? Message { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }
}
