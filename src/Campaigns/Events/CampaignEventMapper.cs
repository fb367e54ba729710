using CareForAll.Campaigns.Data;
using CareForAll.ServiceDefaults.Auth;
using Riok.Mapperly.Abstractions;

namespace CareForAll.Campaigns.Events;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
[UseStaticMapper(typeof(DbTime))]
internal static partial class CampaignEventMapper
{
    [MapProperty(nameof(CampaignRow.Id), nameof(CampaignEvent.CampaignId))]
    public static partial CampaignEvent ToEvent(
        CampaignRow row,
        string? previousStatus,
        string? reason,
        IReadOnlyList<string>? changes,
        IReadOnlyDictionary<string, object?>? previous,
        Actor? actor,
        DateTimeOffset occurredAt);
}
