namespace CareForAll.Payments.Features.Payments.Release;

internal sealed class Request
{
    /// <summary>From the route.</summary>
    public Guid Id { get; init; }

    /// <summary>Optional note for the audit log.</summary>
    public string? Reason { get; init; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Id).NotEmpty().WithMessage("Payment id is required.");
        RuleFor(x => x.Reason).MaximumLength(PaymentsLimits.MaxReasonLength)
            .WithMessage($"Reason must be at most {PaymentsLimits.MaxReasonLength} characters.");
    }
}

internal sealed class Response
{
    public required Guid PaymentId { get; init; }

    public required string Status { get; init; }

    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    public Guid? ReleasedBy { get; init; }

    public DateTimeOffset? ReleasedAt { get; init; }
}
