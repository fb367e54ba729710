namespace CareForAll.Notifications.Features.Users;

/// <summary>
/// The part of <c>user.registered</c> and <c>user.verification_requested</c> notifications reads (a tolerant reader:
/// the rest is ignored). <see cref="Token"/> and <see cref="ExpiresAt"/> come only with a verification request.
/// </summary>
internal sealed class UserEventData
{
    public Guid UserId { get; init; }

    public string? Email { get; init; }

    public string? Role { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Token { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }
}
