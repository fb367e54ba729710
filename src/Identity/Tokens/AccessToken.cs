namespace CareForAll.Identity.Tokens;

/// <summary>A signed access token with the facts logout and the deny-list need about it.</summary>
internal sealed record AccessToken(string Value, Guid Jti, DateTimeOffset ExpiresAt);
