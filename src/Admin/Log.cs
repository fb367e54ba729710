namespace CareForAll.Admin;

/// <summary>The admin service's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Audit: {Action} on {EntityType} {EntityId} by admin {AdminId} (event {EventId})")]
    public static partial void AuditRecorded(this ILogger logger, string action, string entityType, Guid entityId, Guid adminId, Guid eventId);

    [LoggerMessage(2, LogLevel.Debug, "Event {EventId} ({EventType}) is already in the audit log; nothing added")]
    public static partial void AuditAlreadyRecorded(this ILogger logger, Guid eventId, string eventType);

    [LoggerMessage(3, LogLevel.Information, "System notification raised: {Category} ({Severity}), key {DedupeKey}")]
    public static partial void NotificationRaised(this ILogger logger, string category, string severity, string dedupeKey);

    [LoggerMessage(4, LogLevel.Warning, "The {Service} service did not answer {Method} {Path}: {Failure}")]
    public static partial void OwnerUnanswered(this ILogger logger, string service, string method, string path, string failure);

    [LoggerMessage(5, LogLevel.Warning, "Dead-letter queue {Queue} grew from {Previous} to {Current} messages")]
    public static partial void DeadLettersGrew(this ILogger logger, string queue, long previous, long current);

    [LoggerMessage(6, LogLevel.Warning, "Counting dead letters of {Queue} failed: {Reason}")]
    public static partial void DeadLetterCountFailed(this ILogger logger, string queue, string reason);

    [LoggerMessage(7, LogLevel.Warning, "Checking the dead-letter queues failed; the next round tries again")]
    public static partial void DeadLetterRoundFailed(this ILogger logger, Exception exception);

    [LoggerMessage(8, LogLevel.Information, "System notification {NotificationId} marked read by admin {AdminId}")]
    public static partial void NotificationRead(this ILogger logger, Guid notificationId, Guid adminId);
}
