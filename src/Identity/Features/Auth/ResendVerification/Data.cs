namespace CareForAll.Identity.Features.Auth.ResendVerification;

internal sealed record Account(Guid Id, string Email, string? FirstName, bool EmailVerified);

internal static class Data
{
    // The user row is locked so two resends at once count each other against the limit.
    private const string LockAccount = """
        SELECT u.id AS Id, u.email AS Email, p.first_name AS FirstName, u.email_verified AS EmailVerified
        FROM auth.users u
        LEFT JOIN auth.user_profiles p ON p.user_id = u.id
        WHERE u.id = @Id
        FOR UPDATE OF u
        """;

    private const string RecentRequests = """
        SELECT created_at FROM auth.email_verifications
        WHERE user_id = @UserId AND created_at > @Since
        """;

    public static Task<Account?> LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid userId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<Account>(
            new CommandDefinition(LockAccount, new { Id = userId }, transaction, cancellationToken: ct));

    /// <summary>When each of the user's verifications since <paramref name="since"/> was asked for.</summary>
    public static async Task<IReadOnlyList<DateTime>> RecentRequestsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid userId, DateTimeOffset since, CancellationToken ct) =>
        (await connection.QueryAsync<DateTime>(new CommandDefinition(
            RecentRequests, new { UserId = userId, Since = since.UtcDateTime }, transaction, cancellationToken: ct))).AsList();
}
