namespace CareForAll.ServiceDefaults.Auth;

/// <summary>The Redis keys of the deny-list, shared by the writer (identity) and every reader.</summary>
public static class DenyListKeys
{
    /// <summary>Prefix of denied token ids; the value is "1" with a TTL until the token's expiry.</summary>
    public const string DeniedTokenPrefix = "careforall:auth:denied-jti:";

    /// <summary>Prefix of suspended users; the value is "1" without TTL.</summary>
    public const string SuspendedUserPrefix = "careforall:auth:suspended:";

    /// <summary><c>careforall:auth:denied-jti:{jti}</c>.</summary>
    /// <param name="jti">The token id.</param>
    public static string DeniedToken(string jti)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jti);
        return DeniedTokenPrefix + jti;
    }

    /// <summary><c>careforall:auth:suspended:{userId}</c> (lower-case UUID with hyphens).</summary>
    /// <param name="userId">The user id.</param>
    public static string SuspendedUser(Guid userId) => SuspendedUserPrefix + userId.ToString("D");

    /// <summary>
    /// How long a denied-token key lives: until the token expires, at least one second (Redis refuses a zero TTL),
    /// or <c>null</c> when the token has already expired and needs no entry.
    /// </summary>
    /// <param name="expiresAt">The token's <c>exp</c>.</param>
    /// <param name="now">The current time.</param>
    public static TimeSpan? DeniedTokenTtl(DateTimeOffset expiresAt, DateTimeOffset now)
    {
        var remaining = expiresAt - now;
        if (remaining <= TimeSpan.Zero)
        {
            return null;
        }

        return remaining < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : remaining;
    }
}
