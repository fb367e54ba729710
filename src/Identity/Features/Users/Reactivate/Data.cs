namespace CareForAll.Identity.Features.Users.Reactivate;

internal sealed record ReactivatedUser(Guid Id, string Email, long Version, DateTime UpdatedAt);

internal static class Data
{
    // Only a suspended user changes, so reactivating twice emits one event.
    private const string Reactivate = """
        UPDATE auth.users
        SET is_active = true, suspended_at = NULL, updated_at = @Now, version = version + 1
        WHERE id = @Id AND NOT is_active
        RETURNING id AS Id, email AS Email, version AS Version, updated_at AS UpdatedAt
        """;

    private const string FindIsActive = """
        SELECT is_active FROM auth.users WHERE id = @Id
        """;

    public static Task<ReactivatedUser?> ReactivateAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, DateTimeOffset now, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<ReactivatedUser>(
            new CommandDefinition(Reactivate, new { Id = id, Now = now.UtcDateTime }, transaction, cancellationToken: ct));

    public static Task<bool?> FindIsActiveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<bool?>(
            new CommandDefinition(FindIsActive, new { Id = id }, transaction, cancellationToken: ct));
}
