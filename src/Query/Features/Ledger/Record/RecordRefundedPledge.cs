using CareForAll.BuildingBlocks.Messaging;
// FastEndpoints has an IEventHandler of its own (in-process events); this one handles broker events.
using IPledgeEventHandler = CareForAll.BuildingBlocks.Messaging.IEventHandler<CareForAll.Query.Features.Ledger.Record.PledgeEventData>;

namespace CareForAll.Query.Features.Ledger.Record;

/// <summary>
/// <c>pledge.refunded</c>: takes the donation back, but only one that was counted (a pledge refunded from
/// <c>completed</c>; a risk-held payment rejected before completion never added anything).
/// </summary>
internal sealed class RecordRefundedPledge(QueryMetrics metrics, ILogger<RecordRefundedPledge> logger) : IPledgeEventHandler
{
    public async Task HandleAsync(EventContext<PledgeEventData> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var pledge = context.Data;
        if (pledge.PreviousStatus != PledgeEventTypes.CountedStatus)
        {
            logger.RefundNotCounted(pledge.PledgeId, pledge.PreviousStatus);
            return;
        }

        if (PledgeEventCheck.ProblemWith(pledge) is { } problem)
        {
            logger.PledgeEventIgnored(PledgeEventTypes.Refunded, pledge.PledgeId, problem);
            return;
        }

        // The completion row this may have to stand in for takes the same time: the best known until its own
        // event arrives, which then changes nothing.
        var refundedAt = pledge.OccurredAt ?? context.Event.OccurredAt;
        var result = await Data.RecordRefundAsync(context.Connection, context.Transaction, pledge, refundedAt, cancellationToken);
        metrics.Recorded(result.Recorded, LedgerKind.Refunded);
        logger.PledgeRecorded(pledge.PledgeId, pledge.CampaignId, PledgeEventTypes.Refunded, result.Recorded);
    }
}
