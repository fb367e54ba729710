using CareForAll.BuildingBlocks.Messaging;

namespace CareForAll.Pledges.Features.Campaigns.TrackCampaignStatus;

/// <summary>Keeps pledges' copy of each campaign's status (and its version), so the pledge route rarely asks campaigns.</summary>
internal sealed class Handler(TimeProvider clock, ILogger<Handler> logger) : CareForAll.BuildingBlocks.Messaging.IEventHandler<CampaignEventData>
{
    /// <summary>The campaign events the <c>pledges</c> queue is bound to.</summary>
    public static readonly IReadOnlyList<string> EventTypes =
    [
        "campaign.created",
        "campaign.updated",
        "campaign.activated",
        "campaign.goal_reached",
        "campaign.completed",
        "campaign.expired",
        "campaign.cancelled",
    ];

    private static readonly string[] Statuses = ["draft", "active", "completed", "cancelled", "expired"];

    public async Task HandleAsync(EventContext<CampaignEventData> context, CancellationToken cancellationToken)
    {
        var (envelope, data, connection, transaction) = context;
        if (data.Changes is ["currentAmount"])
        {
            // Money applied to the total: the status did not move (every status move has its own event).
            return;
        }

        var status = data.Status?.Trim().ToLowerInvariant();
        if (status is null || !Statuses.Contains(status, StringComparer.Ordinal))
        {
            logger.CampaignEventWithoutStatus(envelope.EventId, envelope.EventType);
            return;
        }

        await Data.ApplyAsync(connection, transaction, envelope.AggregateId, status, envelope.AggregateVersion, clock.GetUtcNow(), cancellationToken);
    }
}
