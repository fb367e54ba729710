using CareForAll.Pledges.Data;
using Riok.Mapperly.Abstractions;

namespace CareForAll.Pledges.Features.Pledges.Snapshot;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class Mapper
{
    public static partial Item ToItem(SnapshotRow row);

    private static DateTimeOffset ToUtc(DateTime value) => Conversions.ToUtc(value);

    private static DateTimeOffset? ToUtc(DateTime? value) => Conversions.ToUtc(value);
}
