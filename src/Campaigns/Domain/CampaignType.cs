namespace CareForAll.Campaigns.Domain;

/// <summary>The seed's campaign types.</summary>
internal static class CampaignType
{
    public static readonly IReadOnlyList<string> All = ["medical", "education", "emergency", "long_term"];

    public static bool IsKnown(string? type) => type is not null && All.Contains(type, StringComparer.Ordinal);
}
