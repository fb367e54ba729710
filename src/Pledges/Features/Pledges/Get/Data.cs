using CareForAll.Pledges.Data;

namespace CareForAll.Pledges.Features.Pledges.Get;

internal static class Data
{
    private const string FindPledge = $"""
        SELECT {PledgeRow.Columns}
        FROM pledges.pledges
        WHERE id = @Id
        """;

    private const string FindCampaignStatus = "SELECT status FROM pledges.campaigns WHERE id = @CampaignId";

    /// <summary>The campaign's status from pledges' own copy; null when pledges has not heard of it.</summary>
    public static async Task<string?> CampaignStatusAsync(NpgsqlDataSource database, Guid campaignId, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<string>(
            new CommandDefinition(FindCampaignStatus, new { CampaignId = campaignId }, cancellationToken: ct));
    }

    public static async Task<PledgeRow?> FindAsync(NpgsqlDataSource database, Guid id, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<PledgeRow>(
            new CommandDefinition(FindPledge, new { Id = id }, cancellationToken: ct));
    }
}
