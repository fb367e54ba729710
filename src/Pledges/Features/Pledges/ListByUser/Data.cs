using CareForAll.Pledges.Data;

namespace CareForAll.Pledges.Features.Pledges.ListByUser;

internal static class Data
{
    private const string ListPledges = $"""
        SELECT {PledgeRow.Columns}
        FROM pledges.pledges
        WHERE user_id = @UserId
        ORDER BY created_at DESC, id DESC
        LIMIT @Limit OFFSET @Offset
        """;

    private const string CountPledges = """
        SELECT count(*) FROM pledges.pledges WHERE user_id = @UserId
        """;

    /// <summary>One page of the user's pledges, newest first, and how many there are in all.</summary>
    public static async Task<(IReadOnlyList<PledgeRow> Rows, long Total)> ListAsync(
        NpgsqlDataSource database, Guid userId, int page, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<PledgeRow>(new CommandDefinition(
            ListPledges,
            new { UserId = userId, Limit = limit, Offset = (long)(page - 1) * limit },
            cancellationToken: ct));
        var total = await connection.ExecuteScalarAsync<long>(
            new CommandDefinition(CountPledges, new { UserId = userId }, cancellationToken: ct));
        return ([.. rows], total);
    }
}
