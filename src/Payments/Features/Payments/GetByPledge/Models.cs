namespace CareForAll.Payments.Features.Payments.GetByPledge;

internal sealed class Request
{
    /// <summary>From the route.</summary>
    public Guid PledgeId { get; init; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.PledgeId).NotEmpty().WithMessage("Pledge id is required.");
    }
}
