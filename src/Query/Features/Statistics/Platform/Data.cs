using CareForAll.Query.Data;

namespace CareForAll.Query.Features.Statistics.Platform;

internal static class Data
{
    private const string Find = """
        SELECT p.total_raised AS TotalRaised, p.currency AS Currency, p.total_donations AS TotalDonations,
               p.total_donors AS TotalDonors, p.updated_at AS UpdatedAt,
               (SELECT count(*) FROM query.campaign_totals WHERE status = ANY(@Public))::int AS TotalCampaigns,
               (SELECT count(*) FROM query.campaign_totals WHERE status = 'active')::int AS ActiveCampaigns
        FROM query.platform_statistics AS p
        WHERE p.id = 1
        """;

    public static async Task<Response> FindAsync(NpgsqlDataSource database, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleAsync<Row>(new CommandDefinition(
            Find, new { Public = QueryRules.PublicStatuses.ToArray() }, cancellationToken: ct));
        return new Response
        {
            TotalRaised = row.TotalRaised,
            Currency = row.Currency.Trim(),
            TotalDonations = row.TotalDonations,
            TotalDonors = row.TotalDonors,
            TotalCampaigns = row.TotalCampaigns,
            ActiveCampaigns = row.ActiveCampaigns,
            UpdatedAt = DbTime.ToUtc(row.UpdatedAt),
        };
    }

    private sealed class Row
    {
        public decimal TotalRaised { get; init; }

        public required string Currency { get; init; }

        public int TotalDonations { get; init; }

        public int TotalDonors { get; init; }

        public int TotalCampaigns { get; init; }

        public int ActiveCampaigns { get; init; }

        public DateTime UpdatedAt { get; init; }
    }
}
