using CareForAll.BuildingBlocks.Messaging;
// FastEndpoints has an IEventHandler of its own (in-process events); this one handles broker events.
using IPledgeEventHandler = CareForAll.BuildingBlocks.Messaging.IEventHandler<CareForAll.Query.Features.Ledger.Record.PledgeEventData>;

namespace CareForAll.Query.Features.Ledger.Record;

/// <summary>
/// <c>pledge.completed</c>: records the donation as an unapplied ledger row (the applier moves every read model
/// within a moment). A repeated or late event finds its row and changes nothing.
/// </summary>
internal sealed class RecordCompletedPledge(QueryMetrics metrics, ILogger<RecordCompletedPledge> logger) : IPledgeEventHandler
{
    public async Task HandleAsync(EventContext<PledgeEventData> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var pledge = context.Data;
        if (PledgeEventCheck.ProblemWith(pledge) is { } problem)
        {
            logger.PledgeEventIgnored(PledgeEventTypes.Completed, pledge.PledgeId, problem);
            return;
        }

        // The donation's time is when the pledge completed, whenever the event reaches us.
        var donatedAt = pledge.OccurredAt ?? context.Event.OccurredAt;
        var result = await Data.RecordCompletionAsync(context.Connection, context.Transaction, pledge, donatedAt, cancellationToken);
        metrics.Recorded(result.Recorded, LedgerKind.Completed);
        logger.PledgeRecorded(pledge.PledgeId, pledge.CampaignId, PledgeEventTypes.Completed, result.Recorded);
    }
}
