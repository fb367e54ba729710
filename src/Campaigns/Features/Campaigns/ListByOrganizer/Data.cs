using CareForAll.Campaigns.Data;
using CareForAll.Campaigns.Domain;

namespace CareForAll.Campaigns.Features.Campaigns.ListByOrganizer;

internal static class Data
{
    private const string SelectPage = $"""
        SELECT {CampaignSql.Columns}
        FROM campaigns.campaigns
        WHERE organizer_id = @OrganizerId AND (@Status::text IS NULL OR status = @Status::text)
        ORDER BY created_at DESC, id DESC
        LIMIT @Limit OFFSET @Offset;

        SELECT count(*) FROM campaigns.campaigns
        WHERE organizer_id = @OrganizerId AND (@Status::text IS NULL OR status = @Status::text);
        """;

    public static async Task<(IReadOnlyList<CampaignRow> Rows, long Total)> FindAsync(
        NpgsqlDataSource database, Guid organizerId, string? status, int page, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            SelectPage,
            new { OrganizerId = organizerId, Status = status, Limit = limit, Offset = Paging.Offset(page, limit) },
            cancellationToken: ct));
        var rows = (await results.ReadAsync<CampaignRow>()).AsList();
        var total = await results.ReadSingleAsync<long>();
        return (rows, total);
    }
}
