using CareForAll.Pledges.Data;
using CareForAll.Pledges.Domain;

namespace CareForAll.Pledges.Features.Payments.ApplyPaymentEvent;

internal static class Data
{
    // Locked so two events about one pledge (competing consumers) apply one after the other.
    private const string LockPledge = $"""
        SELECT {PledgeRow.Columns}
        FROM pledges.pledges
        WHERE id = @Id
        FOR UPDATE
        """;

    private const string MovePledge = """
        UPDATE pledges.pledges
        SET status = @Status,
            version = version + 1,
            payment_id = @PaymentId,
            tran_id = COALESCE(@TranId, tran_id),
            payment_version = @PaymentVersion,
            completed_at = CASE WHEN @Status = @Completed THEN COALESCE(completed_at, @Now) ELSE completed_at END,
            updated_at = @Now
        WHERE id = @Id
        RETURNING version
        """;

    // Same status (authorized, then captured): only what pledges knows about the payment moves on; no event.
    private const string NotePayment = """
        UPDATE pledges.pledges
        SET payment_id = @PaymentId, tran_id = COALESCE(@TranId, tran_id), payment_version = @PaymentVersion, updated_at = @Now
        WHERE id = @Id
        """;

    private const string InsertHistory = """
        INSERT INTO pledges.pledge_state_history
            (pledge_id, from_status, to_status, accepted, reason, payment_id, payment_event_id, payment_event_type,
             payment_version, created_at)
        VALUES
            (@PledgeId, @FromStatus, @ToStatus, @Accepted, @Reason, @PaymentId, @PaymentEventId, @PaymentEventType,
             @PaymentVersion, @At)
        """;

    public static Task<PledgeRow?> LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid pledgeId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<PledgeRow>(
            new CommandDefinition(LockPledge, new { Id = pledgeId }, transaction, cancellationToken: ct));

    /// <summary>Moves the pledge to <paramref name="status"/>; returns its new version.</summary>
    public static Task<long> MoveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid pledgeId, string status, Guid paymentId, string? tranId,
        long paymentVersion, DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            MovePledge,
            new
            {
                Id = pledgeId,
                Status = status,
                Completed = PledgeStatus.Completed,
                PaymentId = paymentId,
                TranId = tranId,
                PaymentVersion = paymentVersion,
                Now = now.UtcDateTime,
            },
            transaction,
            cancellationToken: ct));

    public static Task NotePaymentAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid pledgeId, Guid paymentId, string? tranId,
        long paymentVersion, DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            NotePayment,
            new { Id = pledgeId, PaymentId = paymentId, TranId = tranId, PaymentVersion = paymentVersion, Now = now.UtcDateTime },
            transaction,
            cancellationToken: ct));

    public static Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, StateChange change, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            InsertHistory,
            new
            {
                change.PledgeId,
                change.FromStatus,
                change.ToStatus,
                change.Accepted,
                change.Reason,
                change.PaymentId,
                change.PaymentEventId,
                change.PaymentEventType,
                change.PaymentVersion,
                At = change.At.UtcDateTime,
            },
            transaction,
            cancellationToken: ct));
}
