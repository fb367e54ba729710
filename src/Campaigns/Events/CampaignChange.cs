using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Campaigns.Events;

/// <summary>What a campaign event says about the change, beside the campaign itself.</summary>
/// <param name="PreviousStatus">For a status move, where it came from; null otherwise.</param>
/// <param name="Reason">Why, when someone said.</param>
/// <param name="Changes">For <c>campaign.updated</c>, the camelCase names of the changed fields.</param>
/// <param name="Actor">Who asked, for moves made through the API.</param>
/// <param name="Previous">For an edit through the API, each changed field's value before it (keyed as in <paramref name="Changes"/>).</param>
internal sealed record CampaignChange(
    string? PreviousStatus = null,
    string? Reason = null,
    IReadOnlyList<string>? Changes = null,
    Actor? Actor = null,
    IReadOnlyDictionary<string, object?>? Previous = null);
