using CareForAll.Campaigns.Domain;
using static CareForAll.Campaigns.Features.Campaigns.Create.DocumentRules;
using Create = CareForAll.Campaigns.Features.Campaigns.Create;

namespace CareForAll.Campaigns.Features.Campaigns.Update;

/// <summary>
/// Each field: absent or null leaves it as it is; an empty string clears an optional text field (beneficiary name
/// and details, image URL); an empty documents list removes every document. A value equal to the stored one is
/// not a change. Which fields may change depends on the campaign's status (<see cref="CampaignEditRules"/>).
/// </summary>
internal sealed class Request
{
    /// <summary>From the route.</summary>
    public Guid Id { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? CampaignType { get; init; }

    public decimal? GoalAmount { get; init; }

    /// <summary>Only <c>BDT</c>, which is what every campaign already has.</summary>
    public string? Currency { get; init; }

    public DateTimeOffset? StartDate { get; init; }

    public DateTimeOffset? EndDate { get; init; }

    public string? BeneficiaryName { get; init; }

    public string? BeneficiaryDetails { get; init; }

    public string? ImageUrl { get; init; }

    public IReadOnlyList<Create.DocumentInput>? Documents { get; init; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator(TimeProvider clock)
    {
        RuleFor(x => x.Title).Title();
        RuleFor(x => x.Description).Description();
        RuleFor(x => x.CampaignType).CampaignTypeName();
        RuleFor(x => x.GoalAmount).GoalAmount();
        RuleFor(x => x.Currency).CurrencyCode();
        RuleFor(x => x.EndDate)
            .Cascade(CascadeMode.Stop)
            .FutureEndDate(clock)
            .Must((request, end) => end is null || request.StartDate is not { } start || end > start)
            .WithMessage("End date must be after the start date.");
        RuleFor(x => x.BeneficiaryName).BeneficiaryName();
        RuleFor(x => x.BeneficiaryDetails).BeneficiaryDetails();
        RuleFor(x => x.ImageUrl).HttpUrl("Image URL").When(x => x.ImageUrl is not "");
        RuleFor(x => x.Documents).Must(Create.DocumentInputValidator.FitsTheLimit).WithMessage(Create.DocumentInputValidator.TooManyMessage);
        RuleForEach(x => x.Documents).ValidDocument().When(x => Create.DocumentInputValidator.FitsTheLimit(x.Documents));
    }
}
