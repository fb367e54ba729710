namespace CareForAll.Identity.Features.Auth.Verify;

/// <summary>The caller's identity as the validated token states it.</summary>
internal sealed class Response
{
    public required bool Valid { get; init; }

    public required Guid UserId { get; init; }

    public required string Email { get; init; }

    public required string Role { get; init; }

    /// <summary>As of the token's issue; a verification since then shows after the next refresh.</summary>
    public required bool EmailVerified { get; init; }

    public required string TokenId { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }
}
