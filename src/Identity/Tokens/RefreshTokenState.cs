namespace CareForAll.Identity.Tokens;

/// <summary>A stored refresh token as the rotation decision sees it, joined with its user.</summary>
internal sealed record RefreshTokenState(
    Guid Id,
    Guid UserId,
    Guid FamilyId,
    DateTime ExpiresAt,
    DateTime? RevokedAt,
    Guid? ReplacedBy,
    string Email,
    string Role,
    bool IsActive);
