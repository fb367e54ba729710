using CareForAll.Query.Data;

namespace CareForAll.Query.Features.Totals.Top;

internal static class Data
{
    // Both orders are served by their own index; ties go to the campaign that reached its figure first.
    private const string ByRaised = $"""
        SELECT {TotalsSql.Columns}
        FROM query.campaign_totals
        WHERE status = ANY(@Statuses) AND (@Type::text IS NULL OR campaign_type = @Type::text)
        ORDER BY raised_amount DESC, last_donation_at ASC NULLS LAST, campaign_id
        LIMIT @Limit
        """;

    private const string ByProgress = $"""
        SELECT {TotalsSql.Columns}
        FROM query.campaign_totals
        WHERE status = ANY(@Statuses) AND (@Type::text IS NULL OR campaign_type = @Type::text)
        ORDER BY progress_percentage DESC, raised_amount DESC, campaign_id
        LIMIT @Limit
        """;

    public static async Task<IReadOnlyList<TotalsView>> TopAsync(NpgsqlDataSource database, string by, string? type, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<TotalsRow>(new CommandDefinition(
            by == TopOrder.Progress ? ByProgress : ByRaised,
            new { Statuses = QueryRules.PublicStatuses.ToArray(), Type = type, Limit = limit },
            cancellationToken: ct));
        return [.. rows.Select(TotalsMapper.ToView)];
    }
}
