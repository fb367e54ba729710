using System.Globalization;
using CareForAll.BuildingBlocks.Messaging;
using CareForAll.Pledges.Data;
using CareForAll.Pledges.Domain;

namespace CareForAll.Pledges.Features.Payments.ApplyPaymentEvent;

/// <summary>
/// Moves a pledge as its payment moves; nothing else moves a pledge. Events come late, twice or out of order:
/// one older than the newest applied (by the payment's aggregate version) changes nothing, and a pledge goes
/// straight to the status an event implies when the allowed moves reach it. Every move asked for, applied or
/// refused, is kept in the pledge's state history; an applied one emits its <c>pledge.*</c> event in the same
/// transaction.
/// </summary>
internal sealed class Handler(TimeProvider clock, PledgeMetrics metrics, ILogger<Handler> logger) : CareForAll.BuildingBlocks.Messaging.IEventHandler<PaymentEventData>
{
    /// <summary>The payment events the <c>pledges</c> queue is bound to.</summary>
    public static readonly IReadOnlyList<string> EventTypes =
    [
        "payment.initiated",
        "payment.authorized",
        "payment.captured",
        "payment.completed",
        "payment.failed",
        "payment.refunded",
    ];

    public async Task HandleAsync(EventContext<PaymentEventData> context, CancellationToken cancellationToken)
    {
        var (envelope, data, connection, transaction) = context;
        var target = PaymentOutcome.PledgeStatusForEvent(envelope.EventType);
        if (target is null)
        {
            logger.UnmappedPaymentEvent(envelope.EventId, envelope.EventType);
            return;
        }

        var pledge = await Data.LockAsync(connection, transaction, data.PledgeId, cancellationToken);
        if (pledge is null)
        {
            // Payments only pays pledges it has read from here, so this is not a race that retrying would cure.
            logger.PaymentEventForUnknownPledge(envelope.EventId, envelope.EventType, data.PledgeId);
            return;
        }

        var paymentId = data.PaymentId != Guid.Empty ? data.PaymentId : envelope.AggregateId;
        var now = clock.GetUtcNow();
        var change = new StateChange(pledge.Id, pledge.Status, target, Accepted: false, Reason: null, paymentId,
            envelope.EventId, envelope.EventType, envelope.AggregateVersion, now);

        if (RefusalBeforeMove(pledge, paymentId, envelope.AggregateVersion) is { } early)
        {
            await RefuseAsync(context, change with { Reason = early }, cancellationToken);
            return;
        }

        switch (PledgeTransitions.Decide(pledge.Status, target))
        {
            case MoveVerdict.Unchanged:
                await Data.NotePaymentAsync(connection, transaction, pledge.Id, paymentId, data.TranId, envelope.AggregateVersion, now, cancellationToken);
                return;

            case MoveVerdict.Refused:
                await RefuseAsync(context, change with { Reason = $"{pledge.Status} cannot become {target}" }, cancellationToken);
                return;

            default:
                var version = await Data.MoveAsync(connection, transaction, pledge.Id, target, paymentId, data.TranId,
                    envelope.AggregateVersion, now, cancellationToken);
                await Data.RecordAsync(connection, transaction, change with { Accepted = true }, cancellationToken);
                await Outbox.AddAsync(connection, transaction, PledgeEvent.TypeFor(target), pledge.Id, version,
                    Mapper.ToEvent(pledge, target, paymentId, data.TranId, now), cancellationToken);
                metrics.StatusChange(target, accepted: true);
                logger.PledgeMoved(pledge.Id, pledge.Status, target, envelope.EventType);
                return;
        }
    }

    /// <summary>Why the event cannot move the pledge whatever the statuses say, or null.</summary>
    internal static string? RefusalBeforeMove(PledgeRow pledge, Guid paymentId, long paymentVersion)
    {
        if (pledge.PaymentId is { } known && known != paymentId)
        {
            // One payment per pledge: an event from another payment says nothing about this one's state.
            return string.Create(CultureInfo.InvariantCulture, $"event from payment {paymentId}, but the pledge is paid by {known}");
        }

        return paymentVersion <= pledge.PaymentVersion
            ? string.Create(CultureInfo.InvariantCulture, $"stale: payment version {paymentVersion} is not newer than {pledge.PaymentVersion}")
            : null;
    }

    private async Task RefuseAsync(EventContext<PaymentEventData> context, StateChange change, CancellationToken ct)
    {
        await Data.RecordAsync(context.Connection, context.Transaction, change, ct);
        metrics.StatusChange(change.ToStatus, accepted: false);
        logger.PledgeMoveRefused(change.PledgeId, change.FromStatus, change.ToStatus, change.PaymentEventType, change.Reason!);
    }
}
