using CareForAll.Identity.Users;

namespace CareForAll.Identity.Features.Users.List;

internal sealed record UserRow(
    Guid Id,
    string Email,
    string Role,
    bool IsActive,
    bool EmailVerified,
    string? FirstName,
    string? LastName,
    DateTime? SuspendedAt,
    DateTime CreatedAt);

internal static class Data
{
    // Backslash is LIKE's default escape, which UserFilter.Pattern relies on. The full name is matched too, so
    // "ann lee" finds Ann Lee.
    private const string Filter = """
        WHERE (@Pattern::text IS NULL
               OR u.email ILIKE @Pattern::text
               OR p.first_name ILIKE @Pattern::text
               OR p.last_name ILIKE @Pattern::text
               OR concat_ws(' ', p.first_name, p.last_name) ILIKE @Pattern::text)
          AND (@IsActive::boolean IS NULL OR u.is_active = @IsActive::boolean)
          AND (@Role::text IS NULL OR u.role = @Role::text)
        """;

    private const string SelectPage = $"""
        SELECT u.id AS Id, u.email AS Email, u.role AS Role, u.is_active AS IsActive, u.email_verified AS EmailVerified,
               p.first_name AS FirstName, p.last_name AS LastName, u.suspended_at AS SuspendedAt, u.created_at AS CreatedAt
        FROM auth.users u
        LEFT JOIN auth.user_profiles p ON p.user_id = u.id
        {Filter}
        ORDER BY u.created_at DESC, u.id DESC
        LIMIT @Limit OFFSET @Offset;

        SELECT count(*)
        FROM auth.users u
        LEFT JOIN auth.user_profiles p ON p.user_id = u.id
        {Filter};
        """;

    public static async Task<(IReadOnlyList<UserRow> Rows, long Total)> FindAsync(
        NpgsqlDataSource database, Request request, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            SelectPage,
            new
            {
                Pattern = UserFilter.Pattern(request.Search),
                IsActive = request.Status is null ? null : UserFilter.IsActive(request.Status),
                Role = request.Role is null ? null : UserFilter.Role(request.Role),
                request.Limit,
                Offset = Paging.Offset(request.Page, request.Limit),
            },
            cancellationToken: ct));
        var rows = (await results.ReadAsync<UserRow>()).AsList();
        var total = await results.ReadSingleAsync<long>();
        return (rows, total);
    }
}
