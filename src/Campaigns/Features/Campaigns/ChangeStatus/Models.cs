using CareForAll.Campaigns.Domain;

namespace CareForAll.Campaigns.Features.Campaigns.ChangeStatus;

internal sealed class Request
{
    /// <summary>From the route.</summary>
    public Guid Id { get; init; }

    /// <summary>The status to move to.</summary>
    public string? Status { get; init; }

    /// <summary>Why; required when an admin rejects a draft or cancels an active campaign. Goes into the audit trail.</summary>
    public string? Reason { get; init; }
}

internal sealed class Validator : Validator<Request>
{
    public const int MaxReasonLength = 500;

    public Validator()
    {
        RuleFor(x => x.Status)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Status is required.")
            .Must(CampaignStatus.IsKnown).WithMessage($"Status must be one of: {string.Join(", ", CampaignStatus.All)}.");
        RuleFor(x => x.Reason).MaximumLength(MaxReasonLength).WithMessage($"Reason must be at most {MaxReasonLength} characters.");
    }
}
