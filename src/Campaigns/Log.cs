namespace CareForAll.Campaigns;

/// <summary>The campaigns service's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Campaign {CampaignId} created as a draft by {OrganizerId}")]
    public static partial void CampaignCreated(this ILogger logger, Guid campaignId, Guid organizerId);

    [LoggerMessage(2, LogLevel.Information, "Campaign {CampaignId} edited by {ActorId}: {Changes}")]
    public static partial void CampaignEdited(this ILogger logger, Guid campaignId, Guid? actorId, string changes);

    [LoggerMessage(3, LogLevel.Information, "Campaign {CampaignId} moved from {From} to {To} by {ActorId}")]
    public static partial void CampaignStatusChanged(this ILogger logger, Guid campaignId, string from, string to, Guid? actorId);

    [LoggerMessage(4, LogLevel.Information, "Draft campaign {CampaignId} erased by {ActorId}")]
    public static partial void DraftErased(this ILogger logger, Guid campaignId, Guid? actorId);

    [LoggerMessage(5, LogLevel.Debug, "Pledge {PledgeId} recorded for campaign {CampaignId} ({EventType}, {Rows} new rows)")]
    public static partial void ContributionRecorded(this ILogger logger, Guid pledgeId, Guid campaignId, string eventType, int rows);

    [LoggerMessage(6, LogLevel.Warning, "{EventType} for pledge {PledgeId} names campaign {CampaignId}, which does not exist here; nothing recorded")]
    public static partial void ContributionForUnknownCampaign(this ILogger logger, string eventType, Guid pledgeId, Guid campaignId);

    [LoggerMessage(7, LogLevel.Warning, "{EventType} for pledge {PledgeId} ignored: {Reason}")]
    public static partial void PledgeEventIgnored(this ILogger logger, string eventType, Guid pledgeId, string reason);

    [LoggerMessage(8, LogLevel.Debug, "Refund of pledge {PledgeId} not counted: it was {PreviousStatus}, never counted as money received")]
    public static partial void RefundNotCounted(this ILogger logger, Guid pledgeId, string? previousStatus);

    [LoggerMessage(9, LogLevel.Debug, "Applied {Contributions} contributions to {Campaigns} campaigns")]
    public static partial void TotalsApplied(this ILogger logger, int contributions, int campaigns);

    [LoggerMessage(10, LogLevel.Debug, "Deferred {Count} contributions of campaign {CampaignId}: a refund is ahead of its completion in another batch")]
    public static partial void ContributionsDeferred(this ILogger logger, Guid campaignId, int count);

    [LoggerMessage(11, LogLevel.Warning, "{Count} contributions belong to campaign {CampaignId}, which no longer exists; skipped")]
    public static partial void ContributionsForMissingCampaign(this ILogger logger, Guid campaignId, int count);

    [LoggerMessage(12, LogLevel.Information, "Campaign {CampaignId} reached its goal of {GoalAmount} with {CurrentAmount}")]
    public static partial void GoalReached(this ILogger logger, Guid campaignId, decimal goalAmount, decimal currentAmount);

    [LoggerMessage(13, LogLevel.Warning, "Applying campaign totals failed; retrying in {Backoff}")]
    public static partial void TotalsRoundFailed(this ILogger logger, TimeSpan backoff, Exception exception);

    [LoggerMessage(14, LogLevel.Warning, "The contributions LISTEN connection failed; reconnecting")]
    public static partial void ContributionsListenFailed(this ILogger logger, Exception exception);

    [LoggerMessage(15, LogLevel.Information, "Campaign {CampaignId} closed as {Status}: its end date passed")]
    public static partial void CampaignClosed(this ILogger logger, Guid campaignId, string status);

    [LoggerMessage(16, LogLevel.Warning, "Closing ended campaigns failed; the next run tries again")]
    public static partial void ClosingRoundFailed(this ILogger logger, Exception exception);
}
