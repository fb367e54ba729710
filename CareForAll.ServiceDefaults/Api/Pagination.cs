namespace CareForAll.ServiceDefaults.Api;

/// <summary>The <c>pagination</c> block of a list envelope.</summary>
/// <param name="Page">The 1-based page number.</param>
/// <param name="Limit">The page size.</param>
/// <param name="Total">The number of items across all pages.</param>
/// <param name="TotalPages">The number of pages.</param>
public sealed record Pagination(int Page, int Limit, long Total, int TotalPages);
