namespace CareForAll.Identity.Features.Auth.Verify;

/// <summary>The caller's identity as the validated token states it.</summary>
internal sealed class Response
{
    public required bool Valid { get; init; }

    public required Guid UserId { get; init; }

    public required string Email { get; init; }

    public required string Role { get; init; }

    public required string TokenId { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }
}
