using System.Text.Json;
using CareForAll.BuildingBlocks.Messaging;
using CareForAll.Payments.Data;
using CareForAll.Payments.Domain;

namespace CareForAll.Payments.Settlement;

/// <summary>
/// The one place a payment changes state: checks the move against <see cref="PaymentTransitions"/>, saves the row
/// with its version bumped, writes the history line and the event, all in the caller's transaction (which holds
/// the row lock). A refused move changes nothing but is written to the history with its reason.
/// </summary>
internal static class PaymentMover
{
    public static async Task<bool> MoveAsync(
        MoveContext context,
        PaymentRecord payment,
        PaymentStatus to,
        string reason,
        CancellationToken ct,
        Action<PaymentRecord>? apply = null,
        string? refundRefId = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(payment);
        var from = payment.State;
        if (PaymentTransitions.RefusalReason(from, to) is { } refusal)
        {
            await RefuseAsync(context, payment, to, $"{reason}: refused, {refusal}", ct);
            return false;
        }

        apply?.Invoke(payment);
        payment.State = to;
        payment.Version++;
        payment.UpdatedAt = context.Now.UtcDateTime;
        await PaymentData.SaveAsync(context.Connection, context.Transaction, payment, ct);
        await StateHistory.AddAsync(context.Connection, context.Transaction, Entry(context, payment.Id, from, to, accepted: true, reason), ct);
        await Outbox.AddAsync(
            context.Connection,
            context.Transaction,
            PaymentEvents.TypeFor(to),
            payment.Id,
            payment.Version,
            PaymentEvents.Data(payment, from.ToName(), reason, refundRefId, context.Source, context.Actor, context.Now),
            ct);

        context.Report.Moves.Add($"{from.ToName()}->{to.ToName()}");
        if (to == PaymentStatus.Completed)
        {
            context.Report.Completed.Add((payment.Amount, payment.Currency));
        }

        return true;
    }

    /// <summary>Records a move that will not happen, and why.</summary>
    public static async Task RefuseAsync(MoveContext context, PaymentRecord payment, PaymentStatus to, string reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(payment);
        await StateHistory.AddAsync(context.Connection, context.Transaction, Entry(context, payment.Id, payment.State, to, accepted: false, reason), ct);
        context.Report.Refused.Add((payment.Status, to.ToName()));
        context.Report.RefusalReasons.Add(reason);
    }

    public static HistoryEntry Entry(MoveContext context, Guid paymentId, PaymentStatus? from, PaymentStatus to, bool accepted, string reason) =>
        new(
            paymentId,
            from?.ToName(),
            to.ToName(),
            accepted,
            reason,
            context.Source,
            context.Actor is null ? null : JsonSerializer.Serialize(context.Actor, MessagingJson.Options),
            context.WebhookLogId,
            context.Now);
}
