namespace CareForAll.Pledges.Features.Pledges.ListByCampaign;

/// <summary>A donor-wall line as the database hands it out: already without email, and anonymised.</summary>
internal sealed record WallRow(
    Guid Id,
    Guid CampaignId,
    Guid? UserId,
    string? DonorName,
    bool IsAnonymous,
    decimal Amount,
    string Currency,
    string? Message,
    DateTime CreatedAt,
    DateTime? CompletedAt);

internal static class Data
{
    public const string AnonymousName = "Anonymous";

    // The email never leaves the database on this public route, and an anonymous donor's name and account are
    // replaced here rather than trusted to the code above.
    private const string ListWall = """
        SELECT id AS Id, campaign_id AS CampaignId,
               CASE WHEN is_anonymous THEN NULL ELSE user_id END AS UserId,
               CASE WHEN is_anonymous THEN @AnonymousName ELSE donor_name END AS DonorName,
               is_anonymous AS IsAnonymous, amount AS Amount, currency AS Currency, message AS Message,
               created_at AS CreatedAt, completed_at AS CompletedAt
        FROM pledges.pledges
        WHERE campaign_id = @CampaignId AND status = 'completed'
        ORDER BY completed_at DESC, id DESC
        LIMIT @Limit OFFSET @Offset
        """;

    private const string CountWall = """
        SELECT count(*) FROM pledges.pledges WHERE campaign_id = @CampaignId AND status = 'completed'
        """;

    /// <summary>One page of the campaign's completed pledges, most recently completed first, and how many in all.</summary>
    public static async Task<(IReadOnlyList<WallRow> Rows, long Total)> ListAsync(
        NpgsqlDataSource database, Guid campaignId, int page, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<WallRow>(new CommandDefinition(
            ListWall,
            new { CampaignId = campaignId, AnonymousName, Limit = limit, Offset = (long)(page - 1) * limit },
            cancellationToken: ct));
        var total = await connection.ExecuteScalarAsync<long>(
            new CommandDefinition(CountWall, new { CampaignId = campaignId }, cancellationToken: ct));
        return ([.. rows], total);
    }
}
