namespace CareForAll.Admin.Domain;

/// <summary>Page and limit of the admin's own lists (the owners' lists are paged by their owners).</summary>
internal static class Paging
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>Deep offsets cost the database more than any reader gains; filters narrow a list better.</summary>
    public const int MaxPage = 10_000;

    public static IRuleBuilderOptions<T, int> PageNumber<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, MaxPage).WithMessage($"Page must be between 1 and {MaxPage}.");

    public static IRuleBuilderOptions<T, int> PageLimit<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, MaxLimit).WithMessage($"Limit must be between 1 and {MaxLimit}.");

    public static int Offset(int page, int limit) => (page - 1) * limit;
}
