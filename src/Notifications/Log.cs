namespace CareForAll.Notifications;

/// <summary>The notifications service's log messages. None carries an email address, a name or a mail's body.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Event {EventId} ({EventType}) lacks a usable recipient address (or link token); no mail written")]
    public static partial void NoRecipient(this ILogger logger, Guid eventId, string eventType);

    [LoggerMessage(2, LogLevel.Information, "{Template} about campaign {CampaignId} waits: {Missing} is not known here yet")]
    public static partial void OrganiserMailWaiting(this ILogger logger, string template, Guid campaignId, string missing);

    [LoggerMessage(3, LogLevel.Information, "{Template} about campaign {CampaignId} was waiting and is now queued")]
    public static partial void OrganiserMailReleased(this ILogger logger, string template, Guid campaignId);

    [LoggerMessage(4, LogLevel.Warning, "Campaign event {EventId} ({EventType}) lacks {Field}; ignored")]
    public static partial void CampaignEventIncomplete(this ILogger logger, Guid eventId, string eventType, string field);

    [LoggerMessage(5, LogLevel.Debug, "Refund of pledge {PledgeId} is not mailed: it was {PreviousStatus}, never completed")]
    public static partial void RefundNotMailed(this ILogger logger, Guid pledgeId, string? previousStatus);

    [LoggerMessage(6, LogLevel.Warning, "Mail sender round failed; trying again in {Delay}")]
    public static partial void SendRoundFailed(this ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(7, LogLevel.Warning, "SMTP server unavailable ({Reason}); {Count} mails wait {Delay} before the next attempt")]
    public static partial void SmtpUnavailable(this ILogger logger, string reason, int count, TimeSpan delay);

    [LoggerMessage(8, LogLevel.Debug, "Mail {NotificationId} ({Template}) sent")]
    public static partial void MailSent(this ILogger logger, Guid notificationId, string template);

    [LoggerMessage(9, LogLevel.Warning, "Mail {NotificationId} ({Template}) attempt {Attempt} failed, retried in {Delay}: {Reason}")]
    public static partial void MailAttemptFailed(this ILogger logger, Guid notificationId, string template, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(10, LogLevel.Warning, "Mail {NotificationId} ({Template}) refused for good by the SMTP server: {Reason}")]
    public static partial void MailRejected(this ILogger logger, Guid notificationId, string template, string reason);

    [LoggerMessage(11, LogLevel.Warning, "Mail LISTEN connection failed; reconnecting")]
    public static partial void ListenFailed(this ILogger logger, Exception exception);

    [LoggerMessage(12, LogLevel.Debug, "Decided {Requests} donor-history link requests; {Mailed} mailed")]
    public static partial void LinkRequestsDecided(this ILogger logger, int requests, int mailed);

    [LoggerMessage(13, LogLevel.Warning, "notification.send_email {EventId} refused: {Reason}")]
    public static partial void SendEmailRefused(this ILogger logger, Guid eventId, string reason);

    [LoggerMessage(14, LogLevel.Information, "Admin {AdminId} queued message {NotificationId}")]
    public static partial void AdminMessageQueued(this ILogger logger, Guid? adminId, Guid notificationId);

    [LoggerMessage(15, LogLevel.Debug, "Pledge {PledgeId} completed after its refund was recorded; no organiser mail")]
    public static partial void CompletedAfterRefund(this ILogger logger, Guid pledgeId);
}
