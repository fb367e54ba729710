namespace CareForAll.Identity.Tokens;

/// <summary>An access token issued alongside a refresh token that has just been revoked.</summary>
internal sealed record RevokedAccessToken(Guid Jti, DateTime ExpiresAt);
