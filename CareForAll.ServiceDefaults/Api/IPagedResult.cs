namespace CareForAll.ServiceDefaults.Api;

// Lets the envelope recognise every PagedResult<T> without reflection over generic types.
internal interface IPagedResult
{
    object Items { get; }

    int Page { get; }

    int Limit { get; }

    long Total { get; }

    int TotalPages { get; }
}
