namespace CareForAll.Identity.Features.Auth.Logout;

internal static class Data
{
    // Scoped to the caller: a token belonging to someone else is ignored rather than revoked.
    private const string FindFamily = """
        SELECT family_id
        FROM auth.refresh_tokens
        WHERE token_hash = @TokenHash AND user_id = @UserId
        """;

    public static Task<Guid?> FindFamilyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string tokenHash, Guid userId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<Guid?>(
            new CommandDefinition(FindFamily, new { TokenHash = tokenHash, UserId = userId }, transaction, cancellationToken: ct));
}
