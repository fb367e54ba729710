namespace CareForAll.Identity.Features.Profile.Get;

internal sealed record ProfileRow(
    Guid Id,
    string Email,
    string Role,
    bool EmailVerified,
    string? FirstName,
    string? LastName,
    string? Phone,
    string? AvatarUrl,
    string? Bio,
    DateTime CreatedAt,
    DateTime UpdatedAt);

internal static class Data
{
    private const string FindProfile = """
        SELECT u.id AS Id, u.email AS Email, u.role AS Role, u.email_verified AS EmailVerified,
               p.first_name AS FirstName, p.last_name AS LastName, p.phone AS Phone,
               p.avatar_url AS AvatarUrl, p.bio AS Bio,
               u.created_at AS CreatedAt, GREATEST(u.updated_at, p.updated_at) AS UpdatedAt
        FROM auth.users u
        JOIN auth.user_profiles p ON p.user_id = u.id
        WHERE u.id = @UserId
        """;

    public static async Task<ProfileRow?> FindAsync(NpgsqlDataSource database, Guid userId, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ProfileRow>(
            new CommandDefinition(FindProfile, new { UserId = userId }, cancellationToken: ct));
    }
}
