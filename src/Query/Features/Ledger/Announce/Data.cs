namespace CareForAll.Query.Features.Ledger.Announce;

internal static class Data
{
    // Held until the messages are out and the rows deleted in the same transaction; a change committed meanwhile
    // waits on its row here, then inserts a fresh one for the next round.
    private const string Claim = """
        SELECT campaign_id FROM query.totals_announcements
        ORDER BY campaign_id
        LIMIT @Limit
        FOR UPDATE SKIP LOCKED
        """;

    private const string Delete = "DELETE FROM query.totals_announcements WHERE campaign_id = ANY(@Ids)";

    public static async Task<Guid[]> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int limit, CancellationToken ct) =>
        [.. await connection.QueryAsync<Guid>(new CommandDefinition(Claim, new { Limit = limit }, transaction, cancellationToken: ct))];

    public static Task<int> DeleteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid[] campaignIds, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(Delete, new { Ids = campaignIds }, transaction, cancellationToken: ct));
}
