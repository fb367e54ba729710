namespace CareForAll.Identity.Verification;

/// <summary>
/// The data of the <c>user.verification_requested</c> event. <see cref="Token"/> is the secret the mailed link
/// carries: the notifications service is the only reader meant to see it, and identity keeps only its hash.
/// </summary>
internal sealed record VerificationRequested(
    Guid UserId,
    string Email,
    string? FirstName,
    string Token,
    DateTimeOffset ExpiresAt,
    DateTimeOffset OccurredAt);
