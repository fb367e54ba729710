using View = CareForAll.Identity.Features.Profile.Get;

namespace CareForAll.Identity.Features.Profile.Update;

internal static class Data
{
    // NULL keeps a field, '' (after trimming) clears it; the casts type the parameters when they are NULL.
    private const string UpdateProfile = """
        WITH updated AS (
            UPDATE auth.user_profiles
            SET first_name = CASE WHEN @FirstName::text IS NULL THEN first_name ELSE NULLIF(btrim(@FirstName::text), '') END,
                last_name  = CASE WHEN @LastName::text  IS NULL THEN last_name  ELSE NULLIF(btrim(@LastName::text), '') END,
                phone      = CASE WHEN @Phone::text     IS NULL THEN phone      ELSE NULLIF(btrim(@Phone::text), '') END,
                avatar_url = CASE WHEN @AvatarUrl::text IS NULL THEN avatar_url ELSE NULLIF(btrim(@AvatarUrl::text), '') END,
                bio        = CASE WHEN @Bio::text       IS NULL THEN bio        ELSE NULLIF(btrim(@Bio::text), '') END,
                updated_at = @Now
            WHERE user_id = @UserId
            RETURNING *
        )
        -- The same columns as reading the profile: an update answers with the profile as GET shows it.
        SELECT u.id AS Id, u.email AS Email, u.role AS Role, u.email_verified AS EmailVerified,
               p.first_name AS FirstName, p.last_name AS LastName, p.phone AS Phone,
               p.avatar_url AS AvatarUrl, p.bio AS Bio,
               u.created_at AS CreatedAt, GREATEST(u.updated_at, p.updated_at) AS UpdatedAt
        FROM updated p
        JOIN auth.users u ON u.id = p.user_id
        """;

    public static async Task<View.ProfileRow?> UpdateAsync(
        NpgsqlDataSource database, Guid userId, Request changes, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<View.ProfileRow>(new CommandDefinition(
            UpdateProfile,
            new
            {
                UserId = userId,
                changes.FirstName,
                changes.LastName,
                changes.Phone,
                changes.AvatarUrl,
                changes.Bio,
                Now = now.UtcDateTime,
            },
            cancellationToken: ct));
    }
}
