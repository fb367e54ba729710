using CareForAll.ServiceDefaults.Auth;
using Riok.Mapperly.Abstractions;

namespace CareForAll.Identity.Features.Users.Reactivate;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class Mapper
{
    /// <summary>The event with the actor twice: flat (as first published) and as the object every service's events carry.</summary>
    public static UserReactivated ToEvent(ReactivatedUser user, string? reason, Actor actor) =>
        ToEvent(user, reason, actor.ActorId, actor.ClientAddress, actor.UserAgent, actor);

    [MapProperty(nameof(ReactivatedUser.Id), nameof(UserReactivated.UserId))]
    [MapProperty(nameof(ReactivatedUser.UpdatedAt), nameof(UserReactivated.OccurredAt))]
    [MapValue(nameof(UserReactivated.PreviousStatus), "SUSPENDED")]
    [MapValue(nameof(UserReactivated.Status), "ACTIVE")]
    private static partial UserReactivated ToEvent(
        ReactivatedUser user, string? reason, Guid? actorId, string? clientAddress, string? userAgent, Actor actor);

    // Npgsql reads timestamptz as a UTC DateTime.
    private static DateTimeOffset ToUtc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
