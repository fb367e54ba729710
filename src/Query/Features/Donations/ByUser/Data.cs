namespace CareForAll.Query.Features.Donations.ByUser;

internal static class Data
{
    private const string Page = $"""
        SELECT {HistoryRow.Columns}
        FROM query.donation_history AS h
        WHERE h.donor_id = @UserId
        ORDER BY h.donated_at DESC, h.pledge_id DESC
        LIMIT @Limit OFFSET @Offset;

        SELECT count(*) FROM query.donation_history WHERE donor_id = @UserId;
        """;

    public static async Task<(IReadOnlyList<DonationRecord> Items, long Total)> PageAsync(
        NpgsqlDataSource database, Guid userId, int limit, long offset, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            Page, new { UserId = userId, Limit = limit, Offset = offset }, cancellationToken: ct));
        var rows = await results.ReadAsync<HistoryRow>();
        var total = await results.ReadSingleAsync<long>();
        return ([.. rows.Select(DonationMapper.ToRecord)], total);
    }
}
