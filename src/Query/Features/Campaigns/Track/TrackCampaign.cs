using CareForAll.BuildingBlocks.Messaging;

namespace CareForAll.Query.Features.Campaigns.Track;

/// <summary>
/// Every <c>campaign.*</c> event: keeps the campaign's title, type, goal, status and dates beside its totals, when
/// the event's aggregate version is newer than what is kept (events arrive late, twice or out of order).
/// </summary>
internal sealed class TrackCampaign(TimeProvider clock, ILogger<TrackCampaign> logger)
    : CareForAll.BuildingBlocks.Messaging.IEventHandler<CampaignEventData>
{
    /// <summary>The campaign events the <c>query</c> queue is bound to.</summary>
    public static readonly IReadOnlyList<string> EventTypes =
    [
        "campaign.created",
        "campaign.updated",
        "campaign.activated",
        "campaign.goal_reached",
        "campaign.expired",
        "campaign.completed",
        "campaign.cancelled",
    ];

    public async Task HandleAsync(EventContext<CampaignEventData> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (envelope, data, connection, transaction) = context;
        if (data.OnlyAmountChanged)
        {
            // Writing it would only bump campaign_version on the campaign's hot totals row, waiting behind the applier.
            return;
        }

        if (ToInfo(envelope, data) is not { } info)
        {
            logger.CampaignEventIgnored(envelope.EventId, envelope.EventType);
            return;
        }

        var result = await Data.ApplyAsync(connection, transaction, info, clock.GetUtcNow(), cancellationToken);
        logger.CampaignTracked(info.CampaignId, envelope.EventType, info.CampaignVersion, result.Applied > 0, result.Changed > 0);
    }

    /// <summary>The info the event carries; null when it names no campaign or no known status.</summary>
    internal static CampaignInfo? ToInfo(IntegrationEvent envelope, CampaignEventData data)
    {
        var campaignId = data.CampaignId != Guid.Empty ? data.CampaignId : envelope.AggregateId;
        var status = data.Status?.Trim().ToLowerInvariant();
        if (campaignId == Guid.Empty || status is null || !QueryRules.CampaignStatuses.Contains(status))
        {
            return null;
        }

        return new CampaignInfo(
            campaignId,
            data.Title,
            data.CampaignType,
            status,
            data.GoalAmount,
            string.IsNullOrWhiteSpace(data.Currency) ? QueryRules.Currency : data.Currency.Trim().ToUpperInvariant(),
            data.OrganizerId,
            data.StartDate,
            data.EndDate,
            data.GoalReachedAt,
            envelope.AggregateVersion,
            envelope.EventType == "campaign.created" ? data.OccurredAt ?? envelope.OccurredAt : null);
    }
}
