using CareForAll.BuildingBlocks.Messaging;
// FastEndpoints has an IEventHandler of its own (in-process events); this one handles broker events.
using IPledgeEventHandler = CareForAll.BuildingBlocks.Messaging.IEventHandler<CareForAll.Campaigns.Features.Contributions.Record.PledgeEvent>;

namespace CareForAll.Campaigns.Features.Contributions.Record;

/// <summary>
/// <c>pledge.completed</c>: records the money as an unapplied contribution (the totals applier adds it to the
/// campaign within a moment). A repeated or late event finds its row and changes nothing.
/// </summary>
internal sealed class RecordCompletedPledge(TimeProvider clock, CampaignsMetrics metrics, ILogger<RecordCompletedPledge> logger)
    : IPledgeEventHandler
{
    public async Task HandleAsync(EventContext<PledgeEvent> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var pledge = context.Data;
        if (PledgeEventCheck.ProblemWith(pledge) is { } problem)
        {
            logger.PledgeEventIgnored(PledgeEventTypes.Completed, pledge.PledgeId, problem);
            return;
        }

        var result = await Data.RecordCompletionAsync(context.Connection, context.Transaction, pledge, clock.GetUtcNow(), cancellationToken);
        if (!result.Known)
        {
            logger.ContributionForUnknownCampaign(PledgeEventTypes.Completed, pledge.PledgeId, pledge.CampaignId);
            return;
        }

        metrics.ContributionsRecorded(result.Recorded, "completed");
        logger.ContributionRecorded(pledge.PledgeId, pledge.CampaignId, PledgeEventTypes.Completed, result.Recorded);
    }
}
