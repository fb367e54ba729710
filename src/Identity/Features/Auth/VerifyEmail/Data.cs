using CareForAll.Identity.Verification;

namespace CareForAll.Identity.Features.Auth.VerifyEmail;

internal sealed record VerifiedUser(Guid Id, string Email, long Version, DateTime UpdatedAt);

internal static class Data
{
    // FOR UPDATE serialises two uses of one token: the second waits, then sees used_at set and is refused.
    private const string LockVerification = """
        SELECT id AS Id, user_id AS UserId, expires_at AS ExpiresAt, used_at AS UsedAt
        FROM auth.email_verifications
        WHERE token_hash = @TokenHash
        FOR UPDATE
        """;

    private const string MarkUsed = """
        UPDATE auth.email_verifications SET used_at = @Now WHERE id = @Id
        """;

    // Only an unverified user changes, so a second valid link emits no second event.
    private const string Verify = """
        UPDATE auth.users
        SET email_verified = true, updated_at = @Now, version = version + 1
        WHERE id = @Id AND NOT email_verified
        RETURNING id AS Id, email AS Email, version AS Version, updated_at AS UpdatedAt
        """;

    private const string FindEmail = """
        SELECT email FROM auth.users WHERE id = @Id
        """;

    public static Task<VerificationState?> LockAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string tokenHash, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<VerificationState>(
            new CommandDefinition(LockVerification, new { TokenHash = tokenHash }, transaction, cancellationToken: ct));

    public static Task MarkUsedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(MarkUsed, new { Id = id, Now = now.UtcDateTime }, transaction, cancellationToken: ct));

    /// <summary>Marks the user verified; null when they already were.</summary>
    public static Task<VerifiedUser?> VerifyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid userId, DateTimeOffset now, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<VerifiedUser>(
            new CommandDefinition(Verify, new { Id = userId, Now = now.UtcDateTime }, transaction, cancellationToken: ct));

    public static Task<string> FindEmailAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid userId, CancellationToken ct) =>
        connection.QuerySingleAsync<string>(new CommandDefinition(FindEmail, new { Id = userId }, transaction, cancellationToken: ct));
}
