namespace CareForAll.Query.Features.Rebuild;

/// <summary>Settings of the read model rebuild (<c>Query:Rebuild</c>).</summary>
internal sealed class RebuildOptions
{
    public const string SectionName = "Query:Rebuild";

    /// <summary>Where campaigns answers, through service discovery.</summary>
    public Uri CampaignsBaseAddress { get; set; } = new("https+http://campaigns");

    /// <summary>Where pledges answers, through service discovery.</summary>
    public Uri PledgesBaseAddress { get; set; } = new("https+http://pledges");

    /// <summary>Items asked for per snapshot page (the owners allow up to 1000).</summary>
    public int PageSize { get; set; } = 1000;
}
