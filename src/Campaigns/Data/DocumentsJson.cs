using System.Text.Json;
using CareForAll.Campaigns.Domain;

namespace CareForAll.Campaigns.Data;

/// <summary>The <c>documents</c> jsonb column: an array of <c>{ name, url }</c>.</summary>
internal static class DocumentsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<CampaignDocument> Read(string json) =>
        JsonSerializer.Deserialize<CampaignDocument[]>(json, Options) ?? [];

    public static string Write(IReadOnlyList<CampaignDocument> documents) => JsonSerializer.Serialize(documents, Options);
}
