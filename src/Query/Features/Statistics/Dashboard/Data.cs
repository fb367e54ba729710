namespace CareForAll.Query.Features.Statistics.Dashboard;

internal static class Data
{
    private const string Figures = """
        SELECT total_raised AS TotalRaised, total_donations AS TotalDonations, total_donors AS TotalDonors
        FROM query.platform_statistics WHERE id = 1;

        SELECT status AS Status, count(*)::int AS Campaigns
        FROM query.campaign_totals WHERE status IS NOT NULL GROUP BY status;

        SELECT hour AS Hour, donations AS Donations, amount AS Amount
        FROM query.donation_hours WHERE hour >= @From ORDER BY hour;
        """;

    public static async Task<(Totals Totals, IReadOnlyList<StatusCount> Statuses, IReadOnlyList<HourRow> Hours)> ReadAsync(
        NpgsqlDataSource database, DateTime from, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(Figures, new { From = from }, cancellationToken: ct));
        var totals = await results.ReadSingleAsync<Totals>();
        var statuses = (await results.ReadAsync<StatusCount>()).AsList();
        var hours = (await results.ReadAsync<HourRow>()).AsList();
        return (totals, statuses, hours);
    }

    internal sealed class Totals
    {
        public decimal TotalRaised { get; init; }

        public int TotalDonations { get; init; }

        public int TotalDonors { get; init; }
    }

    internal sealed class StatusCount
    {
        public required string Status { get; init; }

        public int Campaigns { get; init; }
    }

    internal sealed class HourRow
    {
        public DateTime Hour { get; init; }

        public int Donations { get; init; }

        public decimal Amount { get; init; }
    }
}
