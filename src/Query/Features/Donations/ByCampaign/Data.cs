using CareForAll.Query.Data;

namespace CareForAll.Query.Features.Donations.ByCampaign;

internal static class Data
{
    // Served by the partial wall index; the name of an anonymous donor is not even read.
    private const string Page = """
        SELECT CASE WHEN is_anonymous THEN NULL ELSE donor_name END AS DonorName, is_anonymous AS IsAnonymous,
               amount AS Amount, currency AS Currency, message AS Message, donated_at AS DonatedAt
        FROM query.donation_history
        WHERE campaign_id = @CampaignId AND status = 'completed'
        ORDER BY donated_at DESC, pledge_id DESC
        LIMIT @Limit OFFSET @Offset
        """;

    public static async Task<IReadOnlyList<WallEntry>> PageAsync(
        NpgsqlDataSource database, Guid campaignId, int limit, long offset, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<WallRow>(new CommandDefinition(
            Page, new { CampaignId = campaignId, Limit = limit, Offset = offset }, cancellationToken: ct));
        return [.. rows.Select(row => new WallEntry
        {
            DonorName = row.IsAnonymous || string.IsNullOrWhiteSpace(row.DonorName) ? QueryRules.AnonymousName : row.DonorName,
            IsAnonymous = row.IsAnonymous,
            Amount = row.Amount,
            Currency = row.Currency,
            Message = row.Message,
            DonatedAt = DbTime.ToUtc(row.DonatedAt),
        })];
    }

    private sealed class WallRow
    {
        public string? DonorName { get; init; }

        public bool IsAnonymous { get; init; }

        public decimal Amount { get; init; }

        public required string Currency { get; init; }

        public string? Message { get; init; }

        public DateTime DonatedAt { get; init; }
    }
}
