using CareForAll.Campaigns.Data;

namespace CareForAll.Campaigns.Features.Campaigns.Snapshot;

internal static class Data
{
    // Keyset on the primary key: every page is an index range scan however deep the caller has got, and a campaign
    // created meanwhile is either before the cursor (its events carry it) or still ahead.
    private const string SelectPage = $"""
        SELECT {CampaignSql.Columns}
        FROM campaigns.campaigns
        WHERE @After::uuid IS NULL OR id > @After::uuid
        ORDER BY id
        LIMIT @Limit
        """;

    /// <summary>Up to <paramref name="limit"/> campaigns after <paramref name="after"/>, and whether any follow them.</summary>
    public static async Task<(IReadOnlyList<CampaignRow> Rows, bool More)> FindAsync(
        NpgsqlDataSource database, Guid? after, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);

        // One row more than asked for says whether another page exists, so the last page says so itself.
        var rows = (await connection.QueryAsync<CampaignRow>(
            new CommandDefinition(SelectPage, new { After = after, Limit = limit + 1 }, cancellationToken: ct))).AsList();
        var more = rows.Count > limit;
        if (more)
        {
            rows.RemoveAt(limit);
        }

        return (rows, more);
    }
}
