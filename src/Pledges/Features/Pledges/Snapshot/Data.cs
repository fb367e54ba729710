namespace CareForAll.Pledges.Features.Pledges.Snapshot;

/// <summary>A counted pledge and the move that brought it to its status.</summary>
internal sealed record SnapshotRow(
    Guid PledgeId,
    Guid CampaignId,
    Guid? UserId,
    string DonorEmail,
    string? DonorName,
    bool IsAnonymous,
    decimal Amount,
    string Currency,
    string Status,
    string? PreviousStatus,
    Guid? PaymentId,
    string? TranId,
    string? Message,
    DateTime OccurredAt,
    long Version,
    DateTime? CompletedAt,
    bool WasCompleted);

internal static class Data
{
    // Walks the partial index of counted pledges in id order. completed_at is set by the move to completed only,
    // in the transaction that emits pledge.completed, and never cleared; a refund of a pledge that never completed
    // (a rejected risk-held payment) leaves it null. So it says exactly whether pledge.completed was ever emitted.
    // The newest accepted move into the current status gives the previous status and the time its event carried.
    private const string Page = """
        SELECT p.id AS PledgeId, p.campaign_id AS CampaignId, p.user_id AS UserId, p.donor_email AS DonorEmail,
               CASE WHEN p.is_anonymous THEN NULL ELSE p.donor_name END AS DonorName, p.is_anonymous AS IsAnonymous,
               p.amount AS Amount, p.currency AS Currency, p.status AS Status, last_move.from_status AS PreviousStatus,
               p.payment_id AS PaymentId, p.tran_id AS TranId, p.message AS Message,
               COALESCE(last_move.created_at, p.updated_at) AS OccurredAt, p.version AS Version,
               p.completed_at AS CompletedAt, p.completed_at IS NOT NULL AS WasCompleted
        FROM pledges.pledges p
        LEFT JOIN LATERAL (
            SELECT h.from_status, h.created_at
            FROM pledges.pledge_state_history h
            WHERE h.pledge_id = p.id AND h.accepted AND h.to_status = p.status
            ORDER BY h.id DESC
            LIMIT 1
        ) last_move ON true
        WHERE p.status IN ('completed', 'refunded') AND p.id > @After
        ORDER BY p.id
        LIMIT @Take
        """;

    /// <summary>Up to <paramref name="take"/> counted pledges with an id above <paramref name="after"/>, in id order.</summary>
    public static async Task<IReadOnlyList<SnapshotRow>> PageAsync(NpgsqlDataSource database, Guid after, int take, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<SnapshotRow>(new CommandDefinition(
            Page, new { After = after, Take = take }, cancellationToken: ct));
        return [.. rows];
    }
}
