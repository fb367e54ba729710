namespace CareForAll.Pledges;

internal static class PledgeLimits
{
    /// <summary>A pledge with the longest message and largest metadata stays well under this; bigger bodies get 413 unread.</summary>
    public const long MaxRequestBodyBytes = 16 * 1024;

    public const int MaxDonorNameLength = 255;

    public const int MaxMessageLength = 500;

    /// <summary>Metadata is a small bag of donor details, not a document store.</summary>
    public const int MaxMetadataBytes = 4 * 1024;

    public const int DefaultPageSize = 20;

    public const int MaxPageSize = 100;

    /// <summary>Deep pages cost a scan; nobody reads ten thousand pages of pledges.</summary>
    public const int MaxPage = 10_000;

    /// <summary>A snapshot page: large, because a rebuild walks every counted pledge, yet one bounded query.</summary>
    public const int DefaultSnapshotSize = 500;

    public const int MaxSnapshotSize = 1000;
}
