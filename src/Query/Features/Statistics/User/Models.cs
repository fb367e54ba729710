namespace CareForAll.Query.Features.Statistics.User;

internal sealed class Request
{
    /// <summary>From the route: the donor.</summary>
    public Guid Id { get; init; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(x => x.Id).NotEmpty().WithMessage("User id is required.");
}

/// <summary>A registered donor's figures; zeros for a user who has not donated (yet).</summary>
internal sealed class Response
{
    public required Guid UserId { get; init; }

    /// <summary>Standing donations' sum (refunds taken back).</summary>
    public required decimal TotalDonated { get; init; }

    public required string Currency { get; init; }

    public required int DonationCount { get; init; }

    /// <summary>Campaigns where the user has a standing donation.</summary>
    public required int CampaignsSupported { get; init; }

    public DateTimeOffset? FirstDonationAt { get; init; }

    public DateTimeOffset? LastDonationAt { get; init; }
}
