using CareForAll.Pledges.Data;

namespace CareForAll.Pledges.Features.Pledges.Get;

internal static class Data
{
    private const string FindPledge = $"""
        SELECT {PledgeRow.Columns}
        FROM pledges.pledges
        WHERE id = @Id
        """;

    public static async Task<PledgeRow?> FindAsync(NpgsqlDataSource database, Guid id, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<PledgeRow>(
            new CommandDefinition(FindPledge, new { Id = id }, cancellationToken: ct));
    }
}
