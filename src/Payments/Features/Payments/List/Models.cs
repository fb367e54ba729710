using CareForAll.Payments.Domain;

namespace CareForAll.Payments.Features.Payments.List;

internal sealed class Request
{
    public int Page { get; init; } = 1;

    public int Limit { get; init; } = PaymentsLimits.DefaultPageSize;

    /// <summary>One payment status; every status when absent.</summary>
    public string? Status { get; init; }

    /// <summary>True: only payments held for their risk level (captured, risk level 1); false: none of those.</summary>
    public bool? Held { get; init; }
}

internal sealed class Validator : Validator<Request>
{
    private static readonly string[] Statuses =
    [
        PaymentStatusNames.Pending, PaymentStatusNames.Authorized, PaymentStatusNames.Captured,
        PaymentStatusNames.Completed, PaymentStatusNames.Failed, PaymentStatusNames.Refunded,
    ];

    public Validator()
    {
        RuleFor(x => x.Page).InclusiveBetween(1, PaymentsLimits.MaxPage)
            .WithMessage($"Page must be between 1 and {PaymentsLimits.MaxPage}.");
        RuleFor(x => x.Limit).InclusiveBetween(1, PaymentsLimits.MaxPageSize)
            .WithMessage($"Limit must be between 1 and {PaymentsLimits.MaxPageSize}.");
        RuleFor(x => x.Status)
            .Must(status => status is null || Statuses.Contains(status, StringComparer.Ordinal))
            .WithMessage($"Status must be one of: {string.Join(", ", Statuses)}.");
    }
}

/// <summary>A payment in an admin's list: what to act on, without the gateway's references or the donor's details.</summary>
internal sealed class Item
{
    public required Guid Id { get; init; }

    public required Guid PledgeId { get; init; }

    public required Guid CampaignId { get; init; }

    public required string TranId { get; init; }

    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    public required string Status { get; init; }

    public int? RiskLevel { get; init; }

    public string? PaymentMethod { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public DateTimeOffset? RefundedAt { get; init; }

    /// <summary>Captured with risk level 1: waiting for an admin to release or reject it.</summary>
    public required bool Held { get; init; }
}
