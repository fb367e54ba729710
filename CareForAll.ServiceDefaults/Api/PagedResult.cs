namespace CareForAll.ServiceDefaults.Api;

/// <summary>
/// One page of a list. An endpoint returns it as its response and the envelope turns it into
/// <c>{ success, data: [...], pagination: { page, limit, total, totalPages }, meta }</c>.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items of this page.</param>
/// <param name="Page">The 1-based page number.</param>
/// <param name="Limit">The page size asked for.</param>
/// <param name="Total">The number of items across all pages.</param>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int Limit, long Total) : IPagedResult
{
    /// <summary>The number of pages, zero when there is nothing or the limit is not positive.</summary>
    public int TotalPages => Limit > 0 ? (int)((Total + Limit - 1) / Limit) : 0;

    object IPagedResult.Items => Items;
}
