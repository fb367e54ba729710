namespace CareForAll.Pledges.Features.Pledges.ListByUser;

internal sealed class Request
{
    /// <summary>From the route.</summary>
    public Guid UserId { get; init; }

    public int Page { get; init; } = 1;

    public int Limit { get; init; } = PledgeLimits.DefaultPageSize;
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.UserId).NotEmpty().WithMessage("User id is required.");
        RuleFor(x => x.Page).InclusiveBetween(1, PledgeLimits.MaxPage)
            .WithMessage($"Page must be between 1 and {PledgeLimits.MaxPage}.");
        RuleFor(x => x.Limit).InclusiveBetween(1, PledgeLimits.MaxPageSize)
            .WithMessage($"Limit must be between 1 and {PledgeLimits.MaxPageSize}.");
    }
}
