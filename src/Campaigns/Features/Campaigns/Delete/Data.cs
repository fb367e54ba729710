using CareForAll.Campaigns.Data;

namespace CareForAll.Campaigns.Features.Campaigns.Delete;

internal static class Data
{
    // FOR UPDATE (not NO KEY UPDATE): the row may be deleted.
    private const string FindForDelete = $"""
        SELECT {CampaignSql.Columns} FROM campaigns.campaigns WHERE id = @Id FOR UPDATE
        """;

    private const string HasContributions = """
        SELECT EXISTS (SELECT 1 FROM campaigns.campaign_contributions WHERE campaign_id = @Id)
        """;

    // The status history goes with it (ON DELETE CASCADE); the campaign.cancelled event is the lasting record.
    private const string Erase = """
        DELETE FROM campaigns.campaigns WHERE id = @Id AND status = 'draft'
        """;

    public static Task<CampaignRow?> FindForDeleteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<CampaignRow>(new CommandDefinition(FindForDelete, new { Id = id }, transaction, cancellationToken: ct));

    /// <summary>Whether any pledge money was ever recorded for the campaign (then it is kept, cancelled).</summary>
    public static Task<bool> HasContributionsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, CancellationToken ct) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(HasContributions, new { Id = id }, transaction, cancellationToken: ct));

    public static Task<int> EraseAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(Erase, new { Id = id }, transaction, cancellationToken: ct));
}
