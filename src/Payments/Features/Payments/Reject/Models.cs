namespace CareForAll.Payments.Features.Payments.Reject;

internal sealed class Request
{
    /// <summary>From the route.</summary>
    public Guid Id { get; init; }

    /// <summary>Why the held payment is refused, for the audit log and the gateway's remarks.</summary>
    public string? Reason { get; init; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Id).NotEmpty().WithMessage("Payment id is required.");
        RuleFor(x => x.Reason)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Reason is required.")
            .MaximumLength(PaymentsLimits.MaxReasonLength).WithMessage($"Reason must be at most {PaymentsLimits.MaxReasonLength} characters.");
    }
}
