namespace CareForAll.Identity.Tokens;

/// <summary>An access token and the refresh token issued with it.</summary>
internal sealed record IssuedSession(
    Guid RefreshTokenId,
    AccessToken AccessToken,
    int AccessTokenExpiresIn,
    string RefreshToken,
    DateTimeOffset RefreshTokenExpiresAt);
