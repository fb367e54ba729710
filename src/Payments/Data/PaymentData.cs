namespace CareForAll.Payments.Data;

/// <summary>The payment row SQL the slices and the settlement code share.</summary>
internal static class PaymentData
{
    public const string Columns = """
        id AS Id, pledge_id AS PledgeId, campaign_id AS CampaignId, user_id AS UserId, donor_email AS DonorEmail,
        tran_id AS TranId, payment_method AS PaymentMethod, amount AS Amount, currency AS Currency, status AS Status,
        session_key AS SessionKey, gateway_url AS GatewayUrl, val_id AS ValId, bank_tran_id AS BankTranId,
        card_type AS CardType, card_brand AS CardBrand, risk_level AS RiskLevel, risk_title AS RiskTitle,
        store_amount AS StoreAmount, gateway_response::text AS GatewayResponse, error_message AS ErrorMessage,
        refund_reason AS RefundReason, refunded_at AS RefundedAt, completed_at AS CompletedAt,
        released_by AS ReleasedBy, released_at AS ReleasedAt, traceparent AS Traceparent, version AS Version,
        session_opened_at AS SessionOpenedAt, created_at AS CreatedAt, updated_at AS UpdatedAt
        """;

    private const string LockByTranIdSql = $"SELECT {Columns} FROM payments.payments WHERE tran_id = @TranId FOR UPDATE";

    private const string LockByIdSql = $"SELECT {Columns} FROM payments.payments WHERE id = @Id FOR UPDATE";

    private const string FindByIdSql = $"SELECT {Columns} FROM payments.payments WHERE id = @Id";

    private const string FindByPledgeSql = $"SELECT {Columns} FROM payments.payments WHERE pledge_id = @PledgeId";

    private const string FindByTranIdSql = $"SELECT {Columns} FROM payments.payments WHERE tran_id = @TranId";

    // Everything a move may change; written whole because the caller holds the row lock.
    private const string SaveSql = """
        UPDATE payments.payments
        SET status = @Status, version = @Version, payment_method = @PaymentMethod, val_id = @ValId,
            transaction_id = tran_id, bank_tran_id = @BankTranId, card_type = @CardType, card_brand = @CardBrand,
            risk_level = @RiskLevel, risk_title = @RiskTitle, store_amount = @StoreAmount,
            gateway_response = @GatewayResponse::jsonb, error_message = @ErrorMessage, refund_reason = @RefundReason,
            refunded_at = @RefundedAt, completed_at = @CompletedAt, released_by = @ReleasedBy,
            released_at = @ReleasedAt, updated_at = @UpdatedAt
        WHERE id = @Id
        """;

    public static Task<PaymentRecord?> LockByTranIdAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string tranId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<PaymentRecord>(new CommandDefinition(LockByTranIdSql, new { TranId = tranId }, transaction, cancellationToken: ct));

    public static Task<PaymentRecord?> LockByIdAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<PaymentRecord>(new CommandDefinition(LockByIdSql, new { Id = id }, transaction, cancellationToken: ct));

    public static async Task<PaymentRecord?> FindByIdAsync(NpgsqlDataSource database, Guid id, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<PaymentRecord>(new CommandDefinition(FindByIdSql, new { Id = id }, cancellationToken: ct));
    }

    public static async Task<PaymentRecord?> FindByPledgeAsync(NpgsqlDataSource database, Guid pledgeId, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<PaymentRecord>(new CommandDefinition(FindByPledgeSql, new { PledgeId = pledgeId }, cancellationToken: ct));
    }

    public static async Task<PaymentRecord?> FindByTranIdAsync(NpgsqlDataSource database, string tranId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(tranId))
        {
            return null;
        }

        await using var connection = await database.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<PaymentRecord>(new CommandDefinition(FindByTranIdSql, new { TranId = tranId }, cancellationToken: ct));
    }

    public static Task SaveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, PaymentRecord payment, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            SaveSql,
            new
            {
                payment.Id,
                payment.Status,
                payment.Version,
                payment.PaymentMethod,
                payment.ValId,
                payment.BankTranId,
                payment.CardType,
                payment.CardBrand,
                payment.RiskLevel,
                payment.RiskTitle,
                payment.StoreAmount,
                payment.GatewayResponse,
                payment.ErrorMessage,
                payment.RefundReason,
                RefundedAt = Utc(payment.RefundedAt),
                CompletedAt = Utc(payment.CompletedAt),
                payment.ReleasedBy,
                ReleasedAt = Utc(payment.ReleasedAt),
                UpdatedAt = DateTime.SpecifyKind(payment.UpdatedAt, DateTimeKind.Utc),
            },
            transaction,
            cancellationToken: ct));

    private static DateTime? Utc(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;
}
