using CareForAll.Campaigns.Data;
using CareForAll.Campaigns.Domain;
using Riok.Mapperly.Abstractions;

namespace CareForAll.Campaigns.Features.Campaigns.Create;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class Mapper
{
    /// <summary>From a validated request: text trimmed, blanks stored as null, currency and start date defaulted.</summary>
    public static NewCampaign ToNewCampaign(Request request, Guid id, Guid organizerId, DateTimeOffset now) => new(
        id,
        request.Title!.Trim(),
        request.Description!.Trim(),
        request.CampaignType!,
        request.GoalAmount!.Value,
        request.Currency ?? CampaignRules.Currency,
        request.StartDate ?? now,
        request.EndDate!.Value,
        organizerId,
        NullIfBlank(request.BeneficiaryName),
        NullIfBlank(request.BeneficiaryDetails),
        NullIfBlank(request.ImageUrl),
        DocumentsJson.Write(ToDocuments(request.Documents)),
        now);

    public static IReadOnlyList<CampaignDocument> ToDocuments(IReadOnlyList<DocumentInput>? documents) =>
        documents is null ? [] : [.. documents.Select(d => new CampaignDocument(d.Name!.Trim(), d.Url!.Trim()))];

    public static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
