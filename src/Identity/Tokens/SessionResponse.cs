namespace CareForAll.Identity.Tokens;

/// <summary>
/// What every sign-in answers (register, login, refresh): who signed in, with their new access and refresh tokens.
/// Each slice chooses its own user summary; the token part is one shape for all of them.
/// </summary>
internal sealed class SessionResponse<TUser>
{
    public required TUser User { get; init; }

    public required string AccessToken { get; init; }

    /// <summary>Spent by the next refresh, which answers with its replacement.</summary>
    public required string RefreshToken { get; init; }

    public string TokenType { get; init; } = "Bearer";

    /// <summary>Seconds until the access token expires.</summary>
    public required int ExpiresIn { get; init; }

    public required DateTimeOffset RefreshTokenExpiresAt { get; init; }
}

/// <summary>Builds a <see cref="SessionResponse{TUser}"/> from an issued session.</summary>
internal static class SessionResponse
{
    public static SessionResponse<TUser> For<TUser>(TUser user, IssuedSession session) => new()
    {
        User = user,
        AccessToken = session.AccessToken.Value,
        RefreshToken = session.RefreshToken,
        ExpiresIn = session.AccessTokenExpiresIn,
        RefreshTokenExpiresAt = session.RefreshTokenExpiresAt,
    };
}
