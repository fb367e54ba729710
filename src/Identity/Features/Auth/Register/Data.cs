namespace CareForAll.Identity.Features.Auth.Register;

internal sealed record NewUser(
    Guid Id,
    string Email,
    string PasswordHash,
    string Role,
    string? FirstName,
    string? LastName,
    string? Phone,
    DateTimeOffset CreatedAt);

internal static class Data
{
    // ON CONFLICT keeps the transaction usable when the email is taken, so the endpoint can answer 409 cleanly.
    private const string InsertUser = """
        INSERT INTO auth.users (id, email, password_hash, role, created_at, updated_at)
        VALUES (@Id, @Email, @PasswordHash, @Role, @CreatedAt, @CreatedAt)
        ON CONFLICT (email) DO NOTHING
        """;

    private const string InsertProfile = """
        INSERT INTO auth.user_profiles (id, user_id, first_name, last_name, phone, created_at, updated_at)
        VALUES (@ProfileId, @Id, @FirstName, @LastName, @Phone, @CreatedAt, @CreatedAt)
        """;

    /// <summary>Inserts the user and profile; false when the email is already registered.</summary>
    public static async Task<bool> TryInsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, NewUser user, CancellationToken ct)
    {
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            InsertUser,
            new { user.Id, user.Email, user.PasswordHash, user.Role, CreatedAt = user.CreatedAt.UtcDateTime },
            transaction,
            cancellationToken: ct));
        if (inserted == 0)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            InsertProfile,
            new
            {
                ProfileId = Guid.CreateVersion7(user.CreatedAt),
                user.Id,
                user.FirstName,
                user.LastName,
                user.Phone,
                CreatedAt = user.CreatedAt.UtcDateTime,
            },
            transaction,
            cancellationToken: ct));
        return true;
    }
}
