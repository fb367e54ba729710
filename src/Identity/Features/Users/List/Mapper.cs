using Riok.Mapperly.Abstractions;

namespace CareForAll.Identity.Features.Users.List;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class Mapper
{
    public static partial Item ToItem(UserRow row);

    // Npgsql reads timestamptz as a UTC DateTime.
    private static DateTimeOffset ToUtc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
