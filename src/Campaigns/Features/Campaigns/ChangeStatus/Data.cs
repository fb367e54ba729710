using CareForAll.Campaigns.Data;

namespace CareForAll.Campaigns.Features.Campaigns.ChangeStatus;

internal static class Data
{
    // Guarded by the status it was decided on: a move never applies to a campaign that moved meanwhile.
    private const string Move = $"""
        UPDATE campaigns.campaigns
        SET status = @To,
            version = version + 1,
            updated_at = @Now,
            closed_at = CASE WHEN @To IN ('completed', 'expired', 'cancelled') THEN @Now ELSE closed_at END,
            cancel_reason = CASE WHEN @To = 'cancelled' THEN @Reason ELSE cancel_reason END
        WHERE id = @Id AND status = @From
        RETURNING {CampaignSql.Columns}
        """;

    /// <summary>Moves the campaign; null when it is no longer in <paramref name="from"/>.</summary>
    public static Task<CampaignRow?> MoveAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        Guid id,
        string from,
        string to,
        string? reason,
        DateTimeOffset now,
        CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<CampaignRow>(new CommandDefinition(
            Move,
            new { Id = id, From = from, To = to, Reason = reason, Now = now.UtcDateTime },
            transaction,
            cancellationToken: ct));
}
