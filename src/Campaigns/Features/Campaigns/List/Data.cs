using CareForAll.Campaigns.Data;

namespace CareForAll.Campaigns.Features.Campaigns.List;

/// <summary>The filters of a list query, already normalised.</summary>
internal sealed record CampaignFilter(
    IReadOnlyList<string> Statuses,
    string? Type,
    Guid? OrganizerId,
    string? Query,
    string Sort,
    int Page,
    int Limit);

internal static class Data
{
    // websearch_to_tsquery never fails on user input (unbalanced quotes, stray operators), unlike to_tsquery.
    private const string Filter = """
        WHERE status = ANY(@Statuses)
          AND (@Type::text IS NULL OR campaign_type = @Type::text)
          AND (@OrganizerId::uuid IS NULL OR organizer_id = @OrganizerId::uuid)
          AND (@Query::text IS NULL OR search @@ websearch_to_tsquery('english', @Query::text))
        """;

    // One statement per sort would repeat the filter five times; the CASEs pick the order from the parameter.
    // Ties always fall back to newest first, then id, so pages never overlap.
    private const string SelectPage = $"""
        SELECT {CampaignSql.Columns}
        FROM campaigns.campaigns
        {Filter}
        ORDER BY
            CASE WHEN @Sort = 'relevance' THEN ts_rank(search, websearch_to_tsquery('english', @Query::text)) END DESC,
            CASE WHEN @Sort = 'ending_soon' THEN status <> 'active' END,
            CASE WHEN @Sort = 'ending_soon' THEN end_date END NULLS LAST,
            CASE WHEN @Sort = 'most_raised' THEN current_amount END DESC,
            CASE WHEN @Sort = 'goal_progress' THEN current_amount / goal_amount END DESC,
            created_at DESC,
            id DESC
        LIMIT @Limit OFFSET @Offset;

        SELECT count(*) FROM campaigns.campaigns
        {Filter};
        """;

    public static async Task<(IReadOnlyList<CampaignRow> Rows, long Total)> FindAsync(
        NpgsqlDataSource database, CampaignFilter filter, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            SelectPage,
            new
            {
                Statuses = filter.Statuses.ToArray(),
                filter.Type,
                filter.OrganizerId,
                filter.Query,
                filter.Sort,
                filter.Limit,
                Offset = Domain.Paging.Offset(filter.Page, filter.Limit),
            },
            cancellationToken: ct));
        var rows = (await results.ReadAsync<CampaignRow>()).AsList();
        var total = await results.ReadSingleAsync<long>();
        return (rows, total);
    }
}
