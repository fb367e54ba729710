using System.Text.Json;

namespace CareForAll.Admin.Events;

/// <summary>What the admin reads of a <c>campaign.*</c> event (the campaign after the change, plus the change).</summary>
internal sealed class CampaignEventData
{
    public Guid CampaignId { get; init; }

    public string? Title { get; init; }

    public string? Status { get; init; }

    public string? PreviousStatus { get; init; }

    public string? Reason { get; init; }

    /// <summary>On <c>campaign.updated</c>: the camelCase names of the fields that changed.</summary>
    public IReadOnlyList<string>? Changes { get; init; }

    /// <summary>On <c>campaign.updated</c> from an API edit: each changed field's old value.</summary>
    public JsonElement? Previous { get; init; }

    public ActorData? Actor { get; init; }
}
