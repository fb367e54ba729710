using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Identity.Tokens;

/// <summary>
/// Revokes refresh tokens and deny-lists the access tokens issued with them, so revocation takes effect at
/// once rather than when the last access token expires.
/// </summary>
internal sealed class RefreshTokenRevocation(IAccessTokenDenyList denyList, TimeProvider clock)
{
    public const string ReasonReuse = "reuse";
    public const string ReasonLogout = "logout";
    public const string ReasonSuspended = "suspended";

    private const string RevokeFamilySql = """
        UPDATE auth.refresh_tokens
        SET revoked_at = @Now, revoked_reason = @Reason
        WHERE family_id = @FamilyId AND revoked_at IS NULL
        RETURNING access_token_jti AS Jti, access_token_expires_at AS ExpiresAt
        """;

    private const string RevokeUserSql = """
        UPDATE auth.refresh_tokens
        SET revoked_at = @Now, revoked_reason = @Reason
        WHERE user_id = @UserId AND revoked_at IS NULL
        RETURNING access_token_jti AS Jti, access_token_expires_at AS ExpiresAt
        """;

    public async Task<IReadOnlyList<RevokedAccessToken>> RevokeFamilyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid familyId, string reason, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<RevokedAccessToken>(new CommandDefinition(
            RevokeFamilySql,
            new { FamilyId = familyId, Reason = reason, Now = clock.GetUtcNow().UtcDateTime },
            transaction,
            cancellationToken: ct));
        return rows.AsList();
    }

    public async Task<IReadOnlyList<RevokedAccessToken>> RevokeAllForUserAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid userId, string reason, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<RevokedAccessToken>(new CommandDefinition(
            RevokeUserSql,
            new { UserId = userId, Reason = reason, Now = clock.GetUtcNow().UtcDateTime },
            transaction,
            cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>Deny-lists those of the given access tokens that have not expired yet.</summary>
    public async Task DenyLiveAccessTokensAsync(IEnumerable<RevokedAccessToken> tokens)
    {
        var now = clock.GetUtcNow();
        foreach (var token in tokens)
        {
            var expiresAt = new DateTimeOffset(DateTime.SpecifyKind(token.ExpiresAt, DateTimeKind.Utc));
            if (expiresAt > now)
            {
                await denyList.DenyTokenAsync(token.Jti.ToString(), expiresAt);
            }
        }
    }
}
