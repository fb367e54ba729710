using Riok.Mapperly.Abstractions;

namespace CareForAll.Payments.Features.Payments.List;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class Mapper
{
    public static partial Item ToItem(ListRow row);

    // Npgsql reads timestamptz as a UTC DateTime.
    private static DateTimeOffset ToUtc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static DateTimeOffset? ToUtc(DateTime? value) => value is { } at ? ToUtc(at) : null;
}
