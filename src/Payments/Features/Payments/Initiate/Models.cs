namespace CareForAll.Payments.Features.Payments.Initiate;

/// <summary>Only the pledge: amount and currency always come from the pledge itself.</summary>
internal sealed class Request
{
    public Guid PledgeId { get; init; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.PledgeId).NotEmpty().WithMessage("Pledge id is required.");
    }
}

internal sealed class Response
{
    public required Guid PaymentId { get; init; }

    public required Guid PledgeId { get; init; }

    public required string TranId { get; init; }

    public required string Status { get; init; }

    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    /// <summary>Where to send the donor to pay (SSLCommerz's hosted page).</summary>
    public required string GatewayUrl { get; init; }

    public string? SessionKey { get; init; }
}
