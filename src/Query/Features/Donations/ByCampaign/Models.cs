using CareForAll.Query.Access;

namespace CareForAll.Query.Features.Donations.ByCampaign;

/// <summary>A campaign's donor wall, newest first.</summary>
internal sealed class Request
{
    /// <summary>From the route: the campaign.</summary>
    public Guid Id { get; init; }

    public int Page { get; init; } = 1;

    public int Limit { get; init; } = Paging.DefaultLimit;
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Id).NotEmpty().WithMessage("Campaign id is required.");
        RuleFor(x => x.Page).PageNumber();
        RuleFor(x => x.Limit).PageLimit();
    }
}

/// <summary>One donation on the wall: completed only; an anonymous donor shows as "Anonymous"; never an email.</summary>
internal sealed class WallEntry
{
    public required string DonorName { get; init; }

    public required bool IsAnonymous { get; init; }

    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    public string? Message { get; init; }

    public required DateTimeOffset DonatedAt { get; init; }
}
