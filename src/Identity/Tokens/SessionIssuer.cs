using Microsoft.Extensions.Options;

namespace CareForAll.Identity.Tokens;

/// <summary>
/// Issues an access token with a new refresh token and stores the refresh token's hash, in the caller's
/// transaction. Login and registration start a family; refresh continues one.
/// </summary>
internal sealed class SessionIssuer(AccessTokenIssuer accessTokens, IOptions<TokenLifetimes> lifetimes, TimeProvider clock)
{
    private const string InsertRefreshToken = """
        INSERT INTO auth.refresh_tokens
            (id, user_id, token_hash, family_id, expires_at, created_at, access_token_jti, access_token_expires_at)
        VALUES
            (@Id, @UserId, @TokenHash, @FamilyId, @ExpiresAt, @CreatedAt, @AccessTokenJti, @AccessTokenExpiresAt)
        """;

    public async Task<IssuedSession> IssueAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        Guid userId,
        string email,
        string role,
        bool emailVerified,
        Guid? familyId,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var accessToken = accessTokens.Issue(userId, email, role, emailVerified);
        var refreshToken = RefreshTokenValue.Generate();
        var refreshTokenId = Guid.CreateVersion7(now);
        var refreshExpiresAt = now + lifetimes.Value.RefreshToken;

        await connection.ExecuteAsync(new CommandDefinition(
            InsertRefreshToken,
            new
            {
                Id = refreshTokenId,
                UserId = userId,
                TokenHash = RefreshTokenValue.Hash(refreshToken),
                FamilyId = familyId ?? refreshTokenId,
                ExpiresAt = refreshExpiresAt.UtcDateTime,
                CreatedAt = now.UtcDateTime,
                AccessTokenJti = accessToken.Jti,
                AccessTokenExpiresAt = accessToken.ExpiresAt.UtcDateTime,
            },
            transaction,
            cancellationToken: ct));

        return new IssuedSession(
            refreshTokenId,
            accessToken,
            (int)Math.Round((accessToken.ExpiresAt - now).TotalSeconds),
            refreshToken,
            refreshExpiresAt);
    }
}
