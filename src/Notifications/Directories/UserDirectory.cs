namespace CareForAll.Notifications.Directories;

/// <summary>An account as notifications knows it (from user events).</summary>
internal sealed class UserEntry
{
    public Guid Id { get; init; }

    public string Email { get; init; } = "";

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Role { get; init; }

    /// <summary>"First Last", or whichever part is known, or null.</summary>
    public string? DisplayName =>
        string.Join(' ', new[] { FirstName, LastName }.Where(p => !string.IsNullOrWhiteSpace(p))) is { Length: > 0 } name ? name : null;
}

/// <summary>The user directory: who has which email, so organiser mail can be addressed by user id.</summary>
internal static class UserDirectory
{
    // Every user event carries the email; what one event lacks (role, last name) another fills, never blanks.
    private const string Upsert = """
        INSERT INTO notifications.users AS u (id, email, first_name, last_name, role, updated_at)
        VALUES (@Id, @Email, @FirstName, @LastName, @Role, @Now)
        ON CONFLICT (id) DO UPDATE SET
            email = EXCLUDED.email,
            first_name = COALESCE(EXCLUDED.first_name, u.first_name),
            last_name = COALESCE(EXCLUDED.last_name, u.last_name),
            role = COALESCE(EXCLUDED.role, u.role),
            updated_at = EXCLUDED.updated_at
        """;

    private const string Select = """
        SELECT id AS Id, email AS Email, first_name AS FirstName, last_name AS LastName, role AS Role
        FROM notifications.users
        WHERE id = @Id
        """;

    public static Task UpsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, string email, string? firstName, string? lastName, string? role,
        DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            Upsert,
            new { Id = id, Email = email, FirstName = firstName, LastName = lastName, Role = role, Now = now.UtcDateTime },
            transaction,
            cancellationToken: ct));

    public static Task<UserEntry?> FindAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid id, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<UserEntry>(new CommandDefinition(Select, new { Id = id }, transaction, cancellationToken: ct));
}
