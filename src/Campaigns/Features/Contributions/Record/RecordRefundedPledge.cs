using CareForAll.BuildingBlocks.Messaging;
// FastEndpoints has an IEventHandler of its own (in-process events); this one handles broker events.
using IPledgeEventHandler = CareForAll.BuildingBlocks.Messaging.IEventHandler<CareForAll.Campaigns.Features.Contributions.Record.PledgeEvent>;

namespace CareForAll.Campaigns.Features.Contributions.Record;

/// <summary>
/// <c>pledge.refunded</c>: subtracts the money, but only money that was counted (a pledge refunded from
/// <c>completed</c>; a risk-held payment rejected before completion never added anything).
/// </summary>
internal sealed class RecordRefundedPledge(TimeProvider clock, CampaignsMetrics metrics, ILogger<RecordRefundedPledge> logger)
    : IPledgeEventHandler
{
    public async Task HandleAsync(EventContext<PledgeEvent> context, CancellationToken cancellationToken)
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

        var result = await Data.RecordRefundAsync(context.Connection, context.Transaction, pledge, clock.GetUtcNow(), cancellationToken);
        if (!result.Known)
        {
            logger.ContributionForUnknownCampaign(PledgeEventTypes.Refunded, pledge.PledgeId, pledge.CampaignId);
            return;
        }

        metrics.ContributionsRecorded(result.Recorded, "refunded");
        logger.ContributionRecorded(pledge.PledgeId, pledge.CampaignId, PledgeEventTypes.Refunded, result.Recorded);
    }
}
