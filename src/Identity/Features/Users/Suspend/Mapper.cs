using CareForAll.Identity.Users;
using CareForAll.ServiceDefaults.Auth;
using Riok.Mapperly.Abstractions;

namespace CareForAll.Identity.Features.Users.Suspend;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class Mapper
{
    /// <summary>The event with the actor twice: flat (as first published) and as the object every service's events carry.</summary>
    public static UserSuspended ToEvent(SuspendedUser user, string? reason, Actor actor) =>
        ToEvent(user, reason, actor.ActorId, actor.ClientAddress, actor.UserAgent, actor);

    [MapProperty(nameof(SuspendedUser.Id), nameof(UserSuspended.UserId))]
    [MapProperty(nameof(SuspendedUser.SuspendedAt), nameof(UserSuspended.OccurredAt))]
    [MapValue(nameof(UserSuspended.PreviousStatus), "ACTIVE")]
    [MapValue(nameof(UserSuspended.Status), "SUSPENDED")]
    private static partial UserSuspended ToEvent(
        SuspendedUser user, string? reason, Guid? actorId, string? clientAddress, string? userAgent, Actor actor);

    public static Response ToResponse(Guid userId, UserState state) => new()
    {
        UserId = userId,
        Status = UserStatus.Of(state.IsActive),
        IsActive = state.IsActive,
        SuspendedAt = state.SuspendedAt is { } at ? ToUtc(at) : null,
    };

    // Npgsql reads timestamptz as a UTC DateTime.
    private static DateTimeOffset ToUtc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
