namespace CareForAll.Pledges;

/// <summary>The pledges service's log messages. None of them carries a donor's email, name or message.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Pledge {PledgeId} created for campaign {CampaignId} (guest: {Guest})")]
    public static partial void PledgeCreated(this ILogger logger, Guid pledgeId, Guid campaignId, bool guest);

    [LoggerMessage(2, LogLevel.Warning, "Campaigns could not be asked about campaign {CampaignId}: {Reason}")]
    public static partial void CampaignLookupFailed(this ILogger logger, Guid campaignId, string reason, Exception? exception = null);

    [LoggerMessage(3, LogLevel.Debug, "Campaigns says campaign {CampaignId} is {Status}")]
    public static partial void CampaignStatusLearned(this ILogger logger, Guid campaignId, string status);

    [LoggerMessage(4, LogLevel.Information, "Pledge {PledgeId} moved {FromStatus} -> {ToStatus} on {PaymentEventType}")]
    public static partial void PledgeMoved(this ILogger logger, Guid pledgeId, string fromStatus, string toStatus, string paymentEventType);

    [LoggerMessage(5, LogLevel.Warning, "Pledge {PledgeId} refused {FromStatus} -> {ToStatus} on {PaymentEventType}: {Reason}")]
    public static partial void PledgeMoveRefused(this ILogger logger, Guid pledgeId, string fromStatus, string toStatus, string paymentEventType, string reason);

    [LoggerMessage(6, LogLevel.Warning, "Payment event {EventId} ({EventType}) names pledge {PledgeId}, which does not exist; ignored")]
    public static partial void PaymentEventForUnknownPledge(this ILogger logger, Guid eventId, string eventType, Guid pledgeId);

    [LoggerMessage(7, LogLevel.Warning, "Event {EventId} has type {EventType}, which implies no pledge status; ignored")]
    public static partial void UnmappedPaymentEvent(this ILogger logger, Guid eventId, string eventType);

    [LoggerMessage(8, LogLevel.Warning, "Campaign event {EventId} ({EventType}) carries no known status; ignored")]
    public static partial void CampaignEventWithoutStatus(this ILogger logger, Guid eventId, string eventType);
}
