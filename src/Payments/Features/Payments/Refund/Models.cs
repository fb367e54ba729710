using CareForAll.Payments.Refunds;

namespace CareForAll.Payments.Features.Payments.Refund;

internal sealed class Request
{
    /// <summary>From the route.</summary>
    public Guid Id { get; init; }

    /// <summary>Why, for the audit log and the gateway's remarks.</summary>
    public string? Reason { get; init; }

    /// <summary>Optional; the whole amount when absent (only whole refunds are supported).</summary>
    public decimal? Amount { get; init; }
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
        RuleFor(x => x.Amount)
            .GreaterThan(0).When(x => x.Amount is not null).WithMessage("Amount must be positive.")
            .PrecisionScale(15, 2, ignoreTrailingZeros: true).WithMessage("Amount must have at most two decimals.");
    }
}

/// <summary>A refund as started: it is <c>processing</c> until the gateway reports it done.</summary>
internal sealed class Response
{
    public required Guid RefundId { get; init; }

    public required Guid PaymentId { get; init; }

    public required string Kind { get; init; }

    public required string Status { get; init; }

    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    public required string Reason { get; init; }

    public required string RefundTransId { get; init; }

    public string? RefundRefId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public static Response From(RefundRecord refund) => Mapper.ToResponse(refund);
}
