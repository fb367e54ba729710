using CareForAll.Payments.Data;

namespace CareForAll.Payments.Features.Payments.Initiate;

internal sealed record NewPayment(
    Guid Id,
    Guid PledgeId,
    Guid CampaignId,
    Guid? UserId,
    string? DonorEmail,
    string TranId,
    decimal Amount,
    string Currency,
    string? Traceparent,
    DateTimeOffset CreatedAt);

internal static class Data
{
    // Committed on its own before the gateway is called, so a concurrent initiation for the same pledge finds it
    // (ON CONFLICT on pledge_id) instead of opening a second charge. Without a conflict target a tran_id clash
    // also inserts nothing, and the caller draws a new one.
    private const string InsertSql = """
        WITH inserted AS (
            INSERT INTO payments.payments
                (id, pledge_id, campaign_id, user_id, donor_email, tran_id, transaction_id, amount, currency, status,
                 traceparent, version, created_at, updated_at)
            VALUES (@Id, @PledgeId, @CampaignId, @UserId, @DonorEmail, @TranId, @TranId, @Amount, @Currency, 'pending',
                    @Traceparent, 1, @CreatedAt, @CreatedAt)
            ON CONFLICT DO NOTHING
            RETURNING id)
        INSERT INTO payments.payment_state_history (id, payment_id, from_status, to_status, accepted, reason, source, created_at)
        SELECT @HistoryId, id, NULL, 'pending', true, 'payment initiated', 'initiation', @CreatedAt FROM inserted
        """;

    // Only the first session stored wins; a concurrent initiation that opened another one reads this one back.
    private const string StoreSessionSql = $"""
        UPDATE payments.payments
        SET session_key = @SessionKey, gateway_url = @GatewayUrl, session_opened_at = @Now, version = version + 1, updated_at = @Now
        WHERE id = @Id AND session_key IS NULL AND gateway_url IS NULL AND status IN ('pending', 'authorized')
        RETURNING {PaymentData.Columns}
        """;

    private const string ClaimSessionSql = """
        UPDATE payments.payments
        SET session_requested_at = @Now
        WHERE id = @Id AND gateway_url IS NULL AND status IN ('pending', 'authorized')
          AND (session_requested_at IS NULL OR session_requested_at <= @StaleBefore)
        """;

    private const string ReleaseSessionClaimSql = """
        UPDATE payments.payments SET session_requested_at = NULL WHERE id = @Id AND gateway_url IS NULL
        """;

    /// <summary>
    /// Claims the right to open the payment's gateway session; false while another request holds a live claim.
    /// A claim older than <paramref name="staleBefore"/> belonged to a request that died and is taken over.
    /// </summary>
    public static async Task<bool> TryClaimSessionAsync(NpgsqlDataSource database, Guid id, DateTimeOffset now, DateTimeOffset staleBefore, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            ClaimSessionSql, new { Id = id, Now = now.UtcDateTime, StaleBefore = staleBefore.UtcDateTime }, cancellationToken: ct)) == 1;
    }

    public static async Task ReleaseSessionClaimAsync(NpgsqlDataSource database, Guid id)
    {
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync(new CommandDefinition(ReleaseSessionClaimSql, new { Id = id }, cancellationToken: CancellationToken.None));
    }

    public static async Task<bool> TryInsertAsync(NpgsqlDataSource database, NewPayment payment, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            InsertSql,
            new
            {
                payment.Id,
                payment.PledgeId,
                payment.CampaignId,
                payment.UserId,
                payment.DonorEmail,
                payment.TranId,
                payment.Amount,
                payment.Currency,
                payment.Traceparent,
                HistoryId = Guid.CreateVersion7(payment.CreatedAt),
                CreatedAt = payment.CreatedAt.UtcDateTime,
            },
            cancellationToken: ct));
        return inserted == 1;
    }

    public static Task<PaymentRecord?> StoreSessionAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, string? sessionKey, string gatewayUrl, DateTimeOffset now,
        CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<PaymentRecord>(new CommandDefinition(
            StoreSessionSql,
            new { Id = id, SessionKey = sessionKey, GatewayUrl = gatewayUrl, Now = now.UtcDateTime },
            transaction,
            cancellationToken: ct));
}
