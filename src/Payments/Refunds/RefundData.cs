using System.Text.Json;
using CareForAll.BuildingBlocks.Messaging;
using CareForAll.Payments.Domain;
using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Payments.Refunds;

/// <summary>The SQL of refunds.</summary>
internal static class RefundData
{
    private const string Columns = """
        id AS Id, payment_id AS PaymentId, kind AS Kind, refund_trans_id AS RefundTransId, refund_ref_id AS RefundRefId,
        amount AS Amount, currency AS Currency, status AS Status, reason AS Reason, admin_id AS AdminId,
        actor::text AS Actor, error_message AS ErrorMessage, created_at AS CreatedAt, updated_at AS UpdatedAt,
        refunded_at AS RefundedAt
        """;

    private const string LockPaymentSql = """
        SELECT pledge_id AS PledgeId, campaign_id AS CampaignId, status AS Status, amount AS Amount, currency AS Currency,
               bank_tran_id AS BankTranId, version AS Version
        FROM payments.payments WHERE id = @Id FOR UPDATE
        """;

    // The partial unique index (one live refund per payment) turns a second start into "nothing inserted".
    private const string InsertSql = $"""
        INSERT INTO payments.refunds
            (id, payment_id, kind, refund_trans_id, amount, currency, status, reason, admin_id, actor, created_at, updated_at)
        VALUES (@Id, @PaymentId, @Kind, @RefundTransId, @Amount, @Currency, 'requested', @Reason, @AdminId, @Actor::jsonb, @Now, @Now)
        ON CONFLICT DO NOTHING
        RETURNING {Columns}
        """;

    private const string MarkProcessingSql = $"""
        UPDATE payments.refunds
        SET status = 'processing', refund_ref_id = @RefundRefId, gateway_response = @Response::jsonb,
            next_check_at = @Now, updated_at = @Now
        WHERE id = @Id AND status = 'requested'
        RETURNING {Columns}
        """;

    private const string FailSql = """
        UPDATE payments.refunds
        SET status = 'failed', error_message = @ErrorMessage, gateway_response = COALESCE(@Response::jsonb, gateway_response),
            updated_at = @Now
        WHERE id = @Id AND status IN ('requested', 'processing')
        """;

    private const string NoteOutcomeUnknownSql = """
        UPDATE payments.refunds SET error_message = @ErrorMessage, updated_at = @Now
        WHERE id = @Id AND status = 'requested'
        """;

    private const string ClaimSql = $"""
        WITH due AS (
            SELECT id AS due_id FROM payments.refunds
            WHERE status = 'processing' AND (next_check_at IS NULL OR next_check_at <= @Now)
            ORDER BY created_at
            LIMIT @BatchSize
            FOR UPDATE SKIP LOCKED)
        UPDATE payments.refunds r
        SET next_check_at = @Next
        FROM due
        WHERE r.id = due.due_id
        RETURNING {Columns}
        """;

    private const string LockRefundSql = "SELECT status FROM payments.refunds WHERE id = @Id FOR UPDATE";

    private const string MarkRefundedSql = """
        UPDATE payments.refunds
        SET status = 'refunded', refunded_at = @Now, updated_at = @Now, gateway_response = @Response::jsonb
        WHERE id = @Id
        """;

    private const string ForPaymentSql = $"SELECT {Columns} FROM payments.refunds WHERE payment_id = @PaymentId ORDER BY created_at";

    private const string HasLiveSql = """
        SELECT EXISTS (SELECT 1 FROM payments.refunds WHERE payment_id = @PaymentId AND status IN ('requested', 'processing'))
        """;

    /// <summary>Keeps a refund whose gateway answer was lost open, with why, for an operator to settle.</summary>
    public static async Task NoteOutcomeUnknownAsync(NpgsqlDataSource database, Guid id, string errorMessage, DateTimeOffset now)
    {
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync(new CommandDefinition(
            NoteOutcomeUnknownSql, new { Id = id, ErrorMessage = errorMessage, Now = now.UtcDateTime }, cancellationToken: CancellationToken.None));
    }

    /// <summary>
    /// Records a refund about to be asked for, committed before the gateway is called so the attempt can never be
    /// lost; checks the payment's state under its row lock. <c>payment.refund_requested</c> is written in the same
    /// transaction, so the admin's request reaches the audit log whatever the gateway answers. It carries the payment's
    /// current version, not a new one: the payment itself has not moved. Returns the refund and the bank transaction
    /// to refund.
    /// </summary>
    public static async Task<(RefundRecord Refund, string BankTranId)> OpenAsync(
        NpgsqlDataSource database, Guid paymentId, string kind, string reason, decimal? amount, Actor actor, DateTimeOffset now,
        CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var payment = await connection.QuerySingleOrDefaultAsync<RefundablePayment>(
            new CommandDefinition(LockPaymentSql, new { Id = paymentId }, transaction, cancellationToken: ct))
            ?? throw new ApiException(StatusCodes.Status404NotFound, "PAYMENT_NOT_FOUND", "No payment has this id.");

        var required = kind == RefundKind.Reject ? PaymentStatusNames.Captured : PaymentStatusNames.Completed;
        if (payment.Status != required)
        {
            throw new ApiException(
                StatusCodes.Status409Conflict,
                kind == RefundKind.Reject ? "PAYMENT_NOT_HELD" : "PAYMENT_NOT_REFUNDABLE",
                kind == RefundKind.Reject
                    ? "Only a captured (risk-held) payment can be rejected."
                    : "Only a completed payment can be refunded.",
                new { status = payment.Status });
        }

        if (amount is { } asked && asked != payment.Amount)
        {
            throw new ApiException(StatusCodes.Status422UnprocessableEntity, "PARTIAL_REFUND_NOT_SUPPORTED",
                "Only the whole amount can be refunded.", new { amount = payment.Amount, currency = payment.Currency });
        }

        if (string.IsNullOrWhiteSpace(payment.BankTranId))
        {
            throw new ApiException(StatusCodes.Status409Conflict, "PAYMENT_NOT_REFUNDABLE",
                "The payment has no bank transaction to refund.", new { status = payment.Status });
        }

        var refund = await connection.QuerySingleOrDefaultAsync<RefundRecord>(new CommandDefinition(
            InsertSql,
            new
            {
                Id = Guid.CreateVersion7(now),
                PaymentId = paymentId,
                Kind = kind,
                RefundTransId = TranIds.NewRefund(now),
                payment.Amount,
                payment.Currency,
                Reason = reason,
                AdminId = actor.ActorId,
                Actor = JsonSerializer.Serialize(actor, MessagingJson.Options),
                Now = now.UtcDateTime,
            },
            transaction,
            cancellationToken: ct))
            ?? throw new ApiException(StatusCodes.Status409Conflict, "REFUND_IN_PROGRESS",
                "A refund of this payment is already in progress or done.");

        await Outbox.AddAsync(connection, transaction, PaymentEvents.RefundRequested, paymentId, payment.Version,
            new RefundRequestedData(paymentId, payment.PledgeId, payment.CampaignId, refund.Id, refund.Kind, refund.Amount,
                refund.Currency, refund.Reason, payment.Status, refund.Status, actor, now),
            ct);
        await transaction.CommitAsync(ct);
        return (refund, payment.BankTranId);
    }

    public static async Task<RefundRecord?> MarkProcessingAsync(
        NpgsqlDataSource database, Guid id, string refundRefId, string response, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<RefundRecord>(new CommandDefinition(
            MarkProcessingSql, new { Id = id, RefundRefId = refundRefId, Response = response, Now = now.UtcDateTime }, cancellationToken: ct));
    }

    public static async Task FailAsync(
        NpgsqlDataSource database, Guid id, string errorMessage, string? response, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            FailSql, new { Id = id, ErrorMessage = errorMessage, Response = response, Now = now.UtcDateTime }, cancellationToken: ct));
    }

    public static async Task<IReadOnlyList<RefundRecord>> ClaimProcessingAsync(
        NpgsqlDataSource database, DateTimeOffset now, TimeSpan lease, int batchSize, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<RefundRecord>(new CommandDefinition(
            ClaimSql, new { Now = now.UtcDateTime, Next = (now + lease).UtcDateTime, BatchSize = batchSize }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>Locks the refund; its status, or null if it is gone.</summary>
    public static Task<string?> LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(LockRefundSql, new { Id = id }, transaction, cancellationToken: ct));

    public static Task MarkRefundedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, string response, DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            MarkRefundedSql, new { Id = id, Response = response, Now = now.UtcDateTime }, transaction, cancellationToken: ct));

    public static async Task<IReadOnlyList<RefundRecord>> ForPaymentAsync(NpgsqlDataSource database, Guid paymentId, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<RefundRecord>(new CommandDefinition(ForPaymentSql, new { PaymentId = paymentId }, cancellationToken: ct));
        return rows.AsList();
    }

    public static Task<bool> HasLiveRefundAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid paymentId, CancellationToken ct) =>
        connection.QuerySingleAsync<bool>(new CommandDefinition(HasLiveSql, new { PaymentId = paymentId }, transaction, cancellationToken: ct));
}
