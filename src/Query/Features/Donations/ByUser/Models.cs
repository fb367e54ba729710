using CareForAll.Query.Access;

namespace CareForAll.Query.Features.Donations.ByUser;

/// <summary>A registered donor's donations, newest first, refunded ones included.</summary>
internal sealed class Request
{
    /// <summary>From the route: the donor.</summary>
    public Guid Id { get; init; }

    public int Page { get; init; } = 1;

    public int Limit { get; init; } = Paging.DefaultLimit;
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Id).NotEmpty().WithMessage("User id is required.");
        RuleFor(x => x.Page).PageNumber();
        RuleFor(x => x.Limit).PageLimit();
    }
}
