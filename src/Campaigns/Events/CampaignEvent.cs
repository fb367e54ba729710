using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Campaigns.Events;

/// <summary>
/// The data of every campaign event: the campaign as it is after the change, plus what the change was.
/// </summary>
/// <param name="PreviousStatus">The status before a status move; null for other changes.</param>
/// <param name="Reason">Why it was cancelled, rejected or closed, when someone said.</param>
/// <param name="Changes">Only on <c>campaign.updated</c>: the camelCase names of the fields that changed.</param>
/// <param name="Previous">
/// Only on <c>campaign.updated</c> from an edit through the API: each changed field's value before the edit, keyed
/// by the names in <paramref name="Changes"/>, so the audit log can show before and after. Null otherwise.
/// </param>
/// <param name="Actor">Who made the change through the API; null when the platform made it (totals, closing).</param>
internal sealed record CampaignEvent(
    Guid CampaignId,
    string Title,
    string CampaignType,
    string Status,
    string? PreviousStatus,
    decimal GoalAmount,
    decimal CurrentAmount,
    string Currency,
    Guid OrganizerId,
    DateTimeOffset StartDate,
    DateTimeOffset? EndDate,
    DateTimeOffset? GoalReachedAt,
    string? Reason,
    IReadOnlyList<string>? Changes,
    IReadOnlyDictionary<string, object?>? Previous,
    Actor? Actor,
    DateTimeOffset OccurredAt);
