namespace CareForAll.Identity.Features.Auth.Login;

internal sealed record Credentials(
    Guid Id,
    string Email,
    string PasswordHash,
    string Role,
    bool IsActive,
    bool EmailVerified,
    string? FirstName,
    string? LastName);

internal static class Data
{
    private const string FindByEmail = """
        SELECT u.id AS Id, u.email AS Email, u.password_hash AS PasswordHash, u.role AS Role,
               u.is_active AS IsActive, u.email_verified AS EmailVerified, p.first_name AS FirstName, p.last_name AS LastName
        FROM auth.users u
        LEFT JOIN auth.user_profiles p ON p.user_id = u.id
        WHERE u.email = @Email
        """;

    public static async Task<Credentials?> FindAsync(NpgsqlDataSource database, string email, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Credentials>(
            new CommandDefinition(FindByEmail, new { Email = email }, cancellationToken: ct));
    }
}
