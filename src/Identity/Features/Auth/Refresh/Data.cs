using CareForAll.Identity.Tokens;

namespace CareForAll.Identity.Features.Auth.Refresh;

internal static class Data
{
    // FOR UPDATE serialises two refreshes with the same token: the second waits, then sees replaced_by set
    // and is treated as reuse, so one token can never be rotated twice.
    private const string LockToken = """
        SELECT t.id AS Id, t.user_id AS UserId, t.family_id AS FamilyId, t.expires_at AS ExpiresAt,
               t.revoked_at AS RevokedAt, t.replaced_by AS ReplacedBy,
               u.email AS Email, u.role AS Role, u.is_active AS IsActive, u.email_verified AS EmailVerified
        FROM auth.refresh_tokens t
        JOIN auth.users u ON u.id = t.user_id
        WHERE t.token_hash = @TokenHash
        FOR UPDATE OF t
        """;

    private const string MarkReplaced = """
        UPDATE auth.refresh_tokens
        SET replaced_by = @ReplacedBy, used_at = @Now
        WHERE id = @Id
        """;

    public static Task<RefreshTokenState?> LockAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string tokenHash, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<RefreshTokenState>(
            new CommandDefinition(LockToken, new { TokenHash = tokenHash }, transaction, cancellationToken: ct));

    public static Task MarkReplacedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, Guid replacedBy, DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            MarkReplaced,
            new { Id = id, ReplacedBy = replacedBy, Now = now.UtcDateTime },
            transaction,
            cancellationToken: ct));
}
