using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Identity.Features.Users.Suspend;

internal sealed class Request
{
    /// <summary>From the route.</summary>
    public Guid Id { get; init; }

    /// <summary>Why, for the audit log.</summary>
    public string? Reason { get; init; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.Id).NotEmpty().WithMessage("User id is required.");
        RuleFor(x => x.Reason).MaximumLength(500).WithMessage("Reason must be at most 500 characters.");
    }
}

internal sealed class Response
{
    public required Guid UserId { get; init; }

    public required string Status { get; init; }

    public required bool IsActive { get; init; }

    public DateTimeOffset? SuspendedAt { get; init; }
}

/// <summary>
/// The data of the <c>user.suspended</c> event. The flat actor fields came first and stay for the consumers that read
/// them; <see cref="Actor"/> is the same object every other service's events carry (with the role), so the audit
/// log reads one shape everywhere.
/// </summary>
internal sealed record UserSuspended(
    Guid UserId,
    string Email,
    string? Reason,
    Guid? ActorId,
    string? ClientAddress,
    string? UserAgent,
    Actor Actor,
    string PreviousStatus,
    string Status,
    DateTimeOffset OccurredAt);
