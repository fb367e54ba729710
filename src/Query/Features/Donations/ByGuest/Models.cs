using CareForAll.Query.Access;

namespace CareForAll.Query.Features.Donations.ByGuest;

/// <summary>
/// The donations made with one email address, opened by the signed, expiring link emailed to that address
/// (headers <c>X-Donor-Email</c> and <c>X-Donor-History-Token</c>).
/// </summary>
internal sealed class Request
{
    public int Page { get; init; } = 1;

    public int Limit { get; init; } = Paging.DefaultLimit;
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Page).PageNumber();
        RuleFor(x => x.Limit).PageLimit();
    }
}
