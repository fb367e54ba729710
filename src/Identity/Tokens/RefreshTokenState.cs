namespace CareForAll.Identity.Tokens;

/// <summary>
/// A stored refresh token as the rotation decision sees it, joined with its user (whose role and verified email the
/// new access token states as they are now, not as they were at login).
/// </summary>
internal sealed record RefreshTokenState(
    Guid Id,
    Guid UserId,
    Guid FamilyId,
    DateTime ExpiresAt,
    DateTime? RevokedAt,
    Guid? ReplacedBy,
    string Email,
    string Role,
    bool IsActive,
    bool EmailVerified);
