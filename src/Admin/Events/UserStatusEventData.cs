namespace CareForAll.Admin.Events;

/// <summary><c>user.suspended</c> and <c>user.reactivated</c>.</summary>
internal sealed class UserStatusEventData
{
    public Guid UserId { get; init; }

    public string? Email { get; init; }

    public string? Reason { get; init; }

    public string? PreviousStatus { get; init; }

    public string? Status { get; init; }

    public ActorData? Actor { get; init; }

    // The flat fields these events carried before the actor object; read when the object is absent.
    public Guid? ActorId { get; init; }

    public string? ClientAddress { get; init; }

    public string? UserAgent { get; init; }

    /// <summary>The actor object, or one made of the flat fields.</summary>
    public ActorData? EffectiveActor =>
        Actor ?? (ActorId is null ? null : new ActorData { ActorId = ActorId, ClientAddress = ClientAddress, UserAgent = UserAgent });
}
