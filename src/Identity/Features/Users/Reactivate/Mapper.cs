
using Riok.Mapperly.Abstractions;

namespace CareForAll.Identity.Features.Users.Reactivate;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class Mapper
{
    [MapProperty(nameof(ReactivatedUser.Id), nameof(UserReactivated.UserId))]
    [MapProperty(nameof(ReactivatedUser.UpdatedAt), nameof(UserReactivated.OccurredAt))]
    [MapValue(nameof(UserReactivated.PreviousStatus), "SUSPENDED")]
    [MapValue(nameof(UserReactivated.Status), "ACTIVE")]
    public static partial UserReactivated ToEvent(
        ReactivatedUser user, string? reason, Guid? actorId, string? clientAddress, string? userAgent);

    // Npgsql reads timestamptz as a UTC DateTime.
    private static DateTimeOffset ToUtc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
