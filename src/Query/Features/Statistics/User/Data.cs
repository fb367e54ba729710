using CareForAll.Query.Data;

namespace CareForAll.Query.Features.Statistics.User;

internal static class Data
{
    private const string Find = """
        SELECT total_donated AS TotalDonated, donation_count AS DonationCount, campaigns_supported AS CampaignsSupported,
               first_donation_at AS FirstDonationAt, last_donation_at AS LastDonationAt
        FROM query.user_statistics WHERE user_id = @UserId
        """;

    public static async Task<Response> FindAsync(NpgsqlDataSource database, Guid userId, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Find, new { UserId = userId }, cancellationToken: ct));
        return new Response
        {
            UserId = userId,
            TotalDonated = row?.TotalDonated ?? 0m,
            Currency = QueryRules.Currency,
            DonationCount = row?.DonationCount ?? 0,
            CampaignsSupported = row?.CampaignsSupported ?? 0,
            FirstDonationAt = DbTime.ToUtc(row?.FirstDonationAt),
            LastDonationAt = DbTime.ToUtc(row?.LastDonationAt),
        };
    }

    private sealed class Row
    {
        public decimal TotalDonated { get; init; }

        public int DonationCount { get; init; }

        public int CampaignsSupported { get; init; }

        public DateTime? FirstDonationAt { get; init; }

        public DateTime? LastDonationAt { get; init; }
    }
}
