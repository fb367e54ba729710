namespace CareForAll.Identity.Features.Auth.ResendVerification;

/// <summary>Where the new link went and until when it works.</summary>
internal sealed class Response
{
    public required string Email { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }
}
