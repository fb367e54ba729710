namespace CareForAll.Campaigns.Domain;

/// <summary>Field rules shared by creating and editing a campaign. Each message names its field.</summary>
internal static class CampaignRules
{
    public const int TitleMinLength = 3;
    public const int TitleMaxLength = 255;
    public const int DescriptionMinLength = 10;
    public const int DescriptionMaxLength = 10_000;
    public const int BeneficiaryNameMaxLength = 255;
    public const int BeneficiaryDetailsMaxLength = 5_000;
    public const int UrlMaxLength = 2_048;
    public const int MaxDocuments = 10;
    public const int DocumentNameMaxLength = 200;

    /// <summary>The largest numeric(15,2).</summary>
    public const decimal MaxGoalAmount = 9_999_999_999_999.99m;

    /// <summary>Only Bangladeshi taka is accepted.</summary>
    public const string Currency = "BDT";

    /// <summary>How far ahead an end date may be: long-term programmes run for years, not forever.</summary>
    public static readonly TimeSpan LongestRun = TimeSpan.FromDays(5 * 365);

    public static IRuleBuilderOptions<T, string?> Title<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(title => title is null || title.Trim().Length is >= TitleMinLength and <= TitleMaxLength)
            .WithMessage($"Title must be between {TitleMinLength} and {TitleMaxLength} characters.");

    public static IRuleBuilderOptions<T, string?> Description<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => text is null || text.Trim().Length is >= DescriptionMinLength and <= DescriptionMaxLength)
            .WithMessage($"Description must be between {DescriptionMinLength} and {DescriptionMaxLength} characters.");

    public static IRuleBuilderOptions<T, string?> CampaignTypeName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(type => type is null || CampaignType.IsKnown(type))
            .WithMessage($"Campaign type must be one of: {string.Join(", ", CampaignType.All)}.");

    public static IRuleBuilderOptions<T, decimal?> GoalAmount<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule.Must(amount => amount is null || (amount > 0 && amount <= MaxGoalAmount && decimal.Round(amount.Value, 2) == amount))
            .WithMessage($"Goal amount must be greater than 0, at most {MaxGoalAmount:0.00} and have at most 2 decimal places.");

    public static IRuleBuilderOptions<T, string?> CurrencyCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(currency => currency is null or Currency).WithMessage($"Currency must be {Currency}.");

    public static IRuleBuilderOptions<T, string?> BeneficiaryName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(name => name is null || name.Trim().Length <= BeneficiaryNameMaxLength)
            .WithMessage($"Beneficiary name must be at most {BeneficiaryNameMaxLength} characters.");

    public static IRuleBuilderOptions<T, string?> BeneficiaryDetails<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(details => details is null || details.Trim().Length <= BeneficiaryDetailsMaxLength)
            .WithMessage($"Beneficiary details must be at most {BeneficiaryDetailsMaxLength} characters.");

    /// <summary>An absolute http(s) URL; an empty string is left to the caller (it clears a field when editing).</summary>
    public static IRuleBuilderOptions<T, string?> HttpUrl<T>(this IRuleBuilder<T, string?> rule, string label) =>
        rule.Must(url => url is null || IsHttpUrl(url))
            .WithMessage($"{label} must be an absolute http(s) URL of at most {UrlMaxLength} characters.");

    /// <summary>The end date is in the future and at most <see cref="LongestRun"/> ahead.</summary>
    public static IRuleBuilderOptions<T, DateTimeOffset?> FutureEndDate<T>(this IRuleBuilder<T, DateTimeOffset?> rule, TimeProvider clock) =>
        rule.Must(end => end is null || (end > clock.GetUtcNow() && end <= clock.GetUtcNow() + LongestRun))
            .WithMessage($"End date must be in the future and at most {LongestRun.Days / 365} years ahead.");

    public static bool IsHttpUrl(string url) =>
        url.Length <= UrlMaxLength
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
