using CareForAll.Campaigns.Data;
using Riok.Mapperly.Abstractions;

namespace CareForAll.Campaigns.Features.Campaigns.Snapshot;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
[UseStaticMapper(typeof(DbTime))]
internal static partial class Mapper
{
    [MapProperty(nameof(CampaignRow.Id), nameof(SnapshotItem.CampaignId))]
    [MapProperty(nameof(CampaignRow.CancelReason), nameof(SnapshotItem.Reason))]
    [MapProperty(nameof(CampaignRow.UpdatedAt), nameof(SnapshotItem.OccurredAt))]
    [MapValue(nameof(SnapshotItem.PreviousStatus), null)]
    [MapValue(nameof(SnapshotItem.Changes), null)]
    [MapValue(nameof(SnapshotItem.Previous), null)]
    [MapValue(nameof(SnapshotItem.Actor), null)]
    public static partial SnapshotItem ToItem(CampaignRow row);
}
