namespace CareForAll.Identity.Features.Users.Suspend;

internal sealed record SuspendedUser(Guid Id, string Email, long Version, DateTime SuspendedAt);

internal sealed record UserState(bool IsActive, DateTime? SuspendedAt);

internal static class Data
{
    // Only an active user changes, so suspending twice emits one event and the second call is a no-op.
    private const string Suspend = """
        UPDATE auth.users
        SET is_active = false, suspended_at = @Now, updated_at = @Now, version = version + 1
        WHERE id = @Id AND is_active
        RETURNING id AS Id, email AS Email, version AS Version, suspended_at AS SuspendedAt
        """;

    private const string FindState = """
        SELECT is_active AS IsActive, suspended_at AS SuspendedAt FROM auth.users WHERE id = @Id
        """;

    public static Task<SuspendedUser?> SuspendAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, DateTimeOffset now, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<SuspendedUser>(
            new CommandDefinition(Suspend, new { Id = id, Now = now.UtcDateTime }, transaction, cancellationToken: ct));

    public static Task<UserState?> FindStateAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<UserState>(
            new CommandDefinition(FindState, new { Id = id }, transaction, cancellationToken: ct));
}
