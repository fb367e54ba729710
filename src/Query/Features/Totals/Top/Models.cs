namespace CareForAll.Query.Features.Totals.Top;

/// <summary>The campaigns that raised the most, or came closest to their goal; public campaigns only.</summary>
internal sealed class Request
{
    /// <summary><c>raised</c> (money raised, the default) or <c>progress</c> (share of the goal).</summary>
    public string By { get; init; } = TopOrder.Raised;

    /// <summary>Optional: only campaigns of this type.</summary>
    public string? Type { get; init; }

    public int Limit { get; init; } = 10;
}

internal static class TopOrder
{
    public const string Raised = "raised";
    public const string Progress = "progress";

    public const int MaxLimit = 50;
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.By)
            .Must(by => by is TopOrder.Raised or TopOrder.Progress)
            .WithMessage($"By must be {TopOrder.Raised} or {TopOrder.Progress}.");
        RuleFor(x => x.Type)
            .Must(type => type is null || QueryRules.CampaignTypes.Contains(type))
            .WithMessage($"Type must be one of: {string.Join(", ", QueryRules.CampaignTypes)}.");
        RuleFor(x => x.Limit).InclusiveBetween(1, TopOrder.MaxLimit).WithMessage($"Limit must be between 1 and {TopOrder.MaxLimit}.");
    }
}
