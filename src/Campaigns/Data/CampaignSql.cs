namespace CareForAll.Campaigns.Data;

/// <summary>The SQL every campaign slice shares: the column list of <see cref="CampaignRow"/> and reading one campaign.</summary>
internal static class CampaignSql
{
    /// <summary>Select list (or RETURNING list) of a <see cref="CampaignRow"/>; the search vector is never read back.</summary>
    public const string Columns = """
        id AS Id, title AS Title, description AS Description, campaign_type AS CampaignType,
        goal_amount AS GoalAmount, current_amount AS CurrentAmount, currency AS Currency,
        start_date AS StartDate, end_date AS EndDate, status AS Status, organizer_id AS OrganizerId,
        beneficiary_name AS BeneficiaryName, beneficiary_details AS BeneficiaryDetails, image_url AS ImageUrl,
        documents::text AS Documents, version AS Version, goal_reached_at AS GoalReachedAt, closed_at AS ClosedAt,
        cancel_reason AS CancelReason, created_at AS CreatedAt, updated_at AS UpdatedAt
        """;

    private const string Find = $"""
        SELECT {Columns} FROM campaigns.campaigns WHERE id = @Id
        """;

    // NO KEY UPDATE: the row is about to be updated (never its key), without blocking readers of its key.
    private const string FindForUpdate = $"""
        SELECT {Columns} FROM campaigns.campaigns WHERE id = @Id FOR NO KEY UPDATE
        """;

    public static async Task<CampaignRow?> FindAsync(NpgsqlDataSource database, Guid id, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<CampaignRow>(new CommandDefinition(Find, new { Id = id }, cancellationToken: ct));
    }

    /// <summary>Reads and locks the campaign until <paramref name="transaction"/> ends, so a change is decided on what it changes.</summary>
    public static Task<CampaignRow?> FindForUpdateAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<CampaignRow>(
            new CommandDefinition(FindForUpdate, new { Id = id }, transaction, cancellationToken: ct));
}
