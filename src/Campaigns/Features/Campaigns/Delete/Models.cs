namespace CareForAll.Campaigns.Features.Campaigns.Delete;

internal sealed class Request
{
    /// <summary>From the route.</summary>
    public Guid Id { get; init; }

    /// <summary>Optional, from the query string: why, for the audit trail. Defaults to <c>deleted</c>.</summary>
    public string? Reason { get; init; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Reason)
            .MaximumLength(ChangeStatus.Validator.MaxReasonLength)
            .WithMessage($"Reason must be at most {ChangeStatus.Validator.MaxReasonLength} characters.");
    }
}

internal sealed class Response
{
    public required Guid CampaignId { get; init; }

    /// <summary>Always <c>cancelled</c>: what the campaign is (or, if erased, was last) to everyone else.</summary>
    public required string Status { get; init; }

    /// <summary>True when a draft that never had money was erased; false when the campaign was cancelled and kept.</summary>
    public required bool Erased { get; init; }
}
