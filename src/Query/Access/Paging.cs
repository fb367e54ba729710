namespace CareForAll.Query.Access;

/// <summary>Page and limit of the read side's lists.</summary>
internal static class Paging
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>Deep offsets cost the database more than any reader gains; nobody pages this far.</summary>
    public const int MaxPage = 10_000;

    public static IRuleBuilderOptions<T, int> PageNumber<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, MaxPage).WithMessage($"Page must be between 1 and {MaxPage}.");

    public static IRuleBuilderOptions<T, int> PageLimit<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, MaxLimit).WithMessage($"Limit must be between 1 and {MaxLimit}.");

    public static long Offset(int page, int limit) => (long)(page - 1) * limit;
}
