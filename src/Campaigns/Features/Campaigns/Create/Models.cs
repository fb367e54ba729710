using CareForAll.Campaigns.Domain;

namespace CareForAll.Campaigns.Features.Campaigns.Create;

/// <summary>A new campaign; it starts as a draft that an admin approves. The organiser is the caller.</summary>
internal sealed class Request
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    /// <summary><c>medical</c>, <c>education</c>, <c>emergency</c> or <c>long_term</c>.</summary>
    public string? CampaignType { get; init; }

    public decimal? GoalAmount { get; init; }

    /// <summary>Optional; only <c>BDT</c>.</summary>
    public string? Currency { get; init; }

    /// <summary>Optional; now when absent.</summary>
    public DateTimeOffset? StartDate { get; init; }

    public DateTimeOffset? EndDate { get; init; }

    public string? BeneficiaryName { get; init; }

    public string? BeneficiaryDetails { get; init; }

    public string? ImageUrl { get; init; }

    public IReadOnlyList<DocumentInput>? Documents { get; init; }
}

/// <summary>A supporting document as a client sends it.</summary>
internal sealed class DocumentInput
{
    public string? Name { get; init; }

    public string? Url { get; init; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator(TimeProvider clock)
    {
        RuleFor(x => x.Title).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Title is required.").Title();
        RuleFor(x => x.Description).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Description is required.").Description();
        RuleFor(x => x.CampaignType).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Campaign type is required.").CampaignTypeName();
        RuleFor(x => x.GoalAmount).Cascade(CascadeMode.Stop).NotNull().WithMessage("Goal amount is required.").GoalAmount();
        RuleFor(x => x.Currency).CurrencyCode();
        RuleFor(x => x.EndDate)
            .Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("End date is required.")
            .FutureEndDate(clock)
            .Must((request, end) => request.StartDate is not { } start || end > start).WithMessage("End date must be after the start date.");
        RuleFor(x => x.BeneficiaryName).BeneficiaryName();
        RuleFor(x => x.BeneficiaryDetails).BeneficiaryDetails();
        RuleFor(x => x.ImageUrl).HttpUrl("Image URL");
        RuleFor(x => x.Documents).Must(DocumentInputValidator.FitsTheLimit).WithMessage(DocumentInputValidator.TooManyMessage);
        RuleForEach(x => x.Documents).ValidDocument().When(x => DocumentInputValidator.FitsTheLimit(x.Documents));
    }
}

internal sealed class DocumentInputValidator : AbstractValidator<DocumentInput>
{
    public static readonly string TooManyMessage = $"Documents must list at most {CampaignRules.MaxDocuments} documents.";

    public static readonly DocumentInputValidator Instance = new();

    public DocumentInputValidator()
    {
        RuleFor(x => x.Name)
            .Must(name => !string.IsNullOrWhiteSpace(name) && name.Trim().Length <= CampaignRules.DocumentNameMaxLength)
            .WithMessage($"Document name is required and must be at most {CampaignRules.DocumentNameMaxLength} characters.");
        RuleFor(x => x.Url)
            .Must(url => url is not null && CampaignRules.IsHttpUrl(url))
            .WithMessage($"Document URL must be an absolute http(s) URL of at most {CampaignRules.UrlMaxLength} characters.");
    }

    public static bool FitsTheLimit(IReadOnlyList<DocumentInput>? documents) =>
        documents is null || documents.Count <= CampaignRules.MaxDocuments;
}

/// <summary>The rule of each element of a documents list, shared with editing.</summary>
internal static class DocumentRules
{
    public static IRuleBuilderOptions<T, DocumentInput> ValidDocument<T>(this IRuleBuilderInitialCollection<T, DocumentInput> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Each document must be an object with a name and a url.")
            .SetValidator(DocumentInputValidator.Instance);
}
