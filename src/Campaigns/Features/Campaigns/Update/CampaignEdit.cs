using CareForAll.Campaigns.Data;
using CareForAll.Campaigns.Domain;
using Create = CareForAll.Campaigns.Features.Campaigns.Create;

namespace CareForAll.Campaigns.Features.Campaigns.Update;

/// <summary>The editable fields of a campaign after an edit.</summary>
internal sealed record EditedCampaign(
    string Title,
    string Description,
    string CampaignType,
    decimal GoalAmount,
    DateTimeOffset StartDate,
    DateTimeOffset? EndDate,
    string? BeneficiaryName,
    string? BeneficiaryDetails,
    string? ImageUrl,
    IReadOnlyList<CampaignDocument> Documents);

/// <summary>
/// Merges a validated edit into the stored campaign, names the fields whose value really changes and keeps what each
/// was before (as the API shows it), for the event's before and after.
/// </summary>
internal static class CampaignEdit
{
    public static (EditedCampaign Edited, IReadOnlyList<string> Changes, IReadOnlyDictionary<string, object?> Previous) Apply(
        CampaignRow row, Request request)
    {
        var changes = new List<string>();
        var previous = new Dictionary<string, object?>(StringComparer.Ordinal);

        T Pick<T>(string field, T stored, bool given, T requested)
        {
            if (!given || EqualityComparer<T>.Default.Equals(stored, requested))
            {
                return stored;
            }

            changes.Add(field);
            previous[field] = stored;
            return requested;
        }

        var storedDocuments = DocumentsJson.Read(row.Documents);
        var requestedDocuments = Create.Mapper.ToDocuments(request.Documents);
        var documentsChanged = request.Documents is not null && !storedDocuments.SequenceEqual(requestedDocuments);
        if (documentsChanged)
        {
            changes.Add(CampaignFields.Documents);
            previous[CampaignFields.Documents] = storedDocuments;
        }

        var edited = new EditedCampaign(
            Pick(CampaignFields.Title, row.Title, request.Title is not null, request.Title?.Trim()!),
            Pick(CampaignFields.Description, row.Description, request.Description is not null, request.Description?.Trim()!),
            Pick(CampaignFields.CampaignType, row.CampaignType, request.CampaignType is not null, request.CampaignType!),
            Pick(CampaignFields.GoalAmount, row.GoalAmount, request.GoalAmount is not null, request.GoalAmount.GetValueOrDefault()),
            Pick(CampaignFields.StartDate, DbTime.ToUtc(row.StartDate), request.StartDate is not null, request.StartDate.GetValueOrDefault()),
            Pick(CampaignFields.EndDate, row.EndDate is { } end ? DbTime.ToUtc(end) : (DateTimeOffset?)null, request.EndDate is not null, request.EndDate),
            Pick(CampaignFields.BeneficiaryName, row.BeneficiaryName, request.BeneficiaryName is not null, Create.Mapper.NullIfBlank(request.BeneficiaryName)),
            Pick(CampaignFields.BeneficiaryDetails, row.BeneficiaryDetails, request.BeneficiaryDetails is not null, Create.Mapper.NullIfBlank(request.BeneficiaryDetails)),
            Pick(CampaignFields.ImageUrl, row.ImageUrl, request.ImageUrl is not null, Create.Mapper.NullIfBlank(request.ImageUrl)),
            documentsChanged ? requestedDocuments : storedDocuments);

        return (edited, changes, previous);
    }
}
