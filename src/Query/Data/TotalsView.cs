using Riok.Mapperly.Abstractions;

namespace CareForAll.Query.Data;

/// <summary>
/// A campaign's totals as the totals route, the top lists, the live stream and the pub/sub message all show them.
/// <see cref="Title"/>, <see cref="Status"/> and the other campaign fields are null while the campaign's first event
/// is still on its way (its money may arrive first).
/// </summary>
internal sealed record TotalsView
{
    public required Guid CampaignId { get; init; }

    public string? Title { get; init; }

    public string? CampaignType { get; init; }

    public string? Status { get; init; }

    public decimal? GoalAmount { get; init; }

    /// <summary>Completed donations less refunds; never negative.</summary>
    public required decimal RaisedAmount { get; init; }

    public required string Currency { get; init; }

    /// <summary>Distinct donors (a user, or a guest's email) whose donations still stand.</summary>
    public required int DonorCount { get; init; }

    /// <summary>Donations that still stand.</summary>
    public required int DonationCount { get; init; }

    public required decimal ProgressPercentage { get; init; }

    public DateTimeOffset? LastDonationAt { get; init; }

    public Guid? OrganizerId { get; init; }

    public DateTimeOffset? StartDate { get; init; }

    public DateTimeOffset? EndDate { get; init; }

    public DateTimeOffset? GoalReachedAt { get; init; }

    /// <summary>Grows with every change; the live stream's event id.</summary>
    public required long Version { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A <c>query.campaign_totals</c> row as read.</summary>
internal sealed class TotalsRow
{
    public Guid CampaignId { get; init; }

    public string? Title { get; init; }

    public string? CampaignType { get; init; }

    public string? Status { get; init; }

    public decimal? GoalAmount { get; init; }

    public decimal RaisedAmount { get; init; }

    public required string Currency { get; init; }

    public int DonorCount { get; init; }

    public int DonationCount { get; init; }

    public decimal ProgressPercentage { get; init; }

    public DateTime? LastDonationAt { get; init; }

    public Guid? OrganizerId { get; init; }

    public DateTime? StartDate { get; init; }

    public DateTime? EndDate { get; init; }

    public DateTime? GoalReachedAt { get; init; }

    public long Version { get; init; }

    public DateTime UpdatedAt { get; init; }
}

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
[UseStaticMapper(typeof(DbTime))]
internal static partial class TotalsMapper
{
    public static partial TotalsView ToView(TotalsRow row);
}

internal static class TotalsSql
{
    public const string Columns = """
        campaign_id AS CampaignId, title AS Title, campaign_type AS CampaignType, status AS Status,
        goal_amount AS GoalAmount, raised_amount AS RaisedAmount, currency AS Currency, donor_count AS DonorCount,
        donation_count AS DonationCount, progress_percentage AS ProgressPercentage, last_donation_at AS LastDonationAt,
        organizer_id AS OrganizerId, start_date AS StartDate, end_date AS EndDate, goal_reached_at AS GoalReachedAt,
        version AS Version, updated_at AS UpdatedAt
        """;

    private const string FindOne = $"SELECT {Columns} FROM query.campaign_totals WHERE campaign_id = @Id";

    private const string FindMany = $"SELECT {Columns} FROM query.campaign_totals WHERE campaign_id = ANY(@Ids) ORDER BY campaign_id";

    public static async Task<TotalsView?> FindAsync(NpgsqlDataSource database, Guid campaignId, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<TotalsRow>(
            new CommandDefinition(FindOne, new { Id = campaignId }, cancellationToken: ct));
        return row is null ? null : TotalsMapper.ToView(row);
    }

    public static async Task<IReadOnlyList<TotalsView>> FindManyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid[] campaignIds, CancellationToken ct) =>
        [.. (await connection.QueryAsync<TotalsRow>(new CommandDefinition(FindMany, new { Ids = campaignIds }, transaction, cancellationToken: ct)))
            .Select(TotalsMapper.ToView)];
}
