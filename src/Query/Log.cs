using StackExchange.Redis;

namespace CareForAll.Query;

/// <summary>The query service's log messages. None of them carries a donor's email, name or message.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "{EventType} for pledge {PledgeId} ignored: {Reason}")]
    public static partial void PledgeEventIgnored(this ILogger logger, string eventType, Guid pledgeId, string reason);

    [LoggerMessage(2, LogLevel.Debug, "Pledge {PledgeId} of campaign {CampaignId} recorded ({EventType}, {Rows} new ledger rows)")]
    public static partial void PledgeRecorded(this ILogger logger, Guid pledgeId, Guid campaignId, string eventType, int rows);

    [LoggerMessage(3, LogLevel.Debug, "Refund of pledge {PledgeId} not counted: it was {PreviousStatus}, never counted as money received")]
    public static partial void RefundNotCounted(this ILogger logger, Guid pledgeId, string? previousStatus);

    [LoggerMessage(4, LogLevel.Warning, "The refund of pledge {PledgeId} has no completion in the ledger; nothing to take back")]
    public static partial void RefundWithoutCompletion(this ILogger logger, Guid pledgeId);

    [LoggerMessage(5, LogLevel.Debug, "Deferred {Count} refunds: their completions are in a batch another replica has not committed")]
    public static partial void RefundsDeferred(this ILogger logger, int count);

    [LoggerMessage(6, LogLevel.Debug, "Applied {Rows} ledger rows; {Campaigns} campaigns changed")]
    public static partial void LedgerApplied(this ILogger logger, int rows, int campaigns);

    [LoggerMessage(7, LogLevel.Warning, "Applying the ledger failed; retrying in {Backoff}")]
    public static partial void ApplyRoundFailed(this ILogger logger, TimeSpan backoff, Exception exception);

    [LoggerMessage(8, LogLevel.Warning, "Announcing changed totals failed; retrying in {Backoff} (replicas serve from the database meanwhile if Redis is down)")]
    public static partial void AnnounceRoundFailed(this ILogger logger, TimeSpan backoff, Exception exception);

    [LoggerMessage(9, LogLevel.Warning, "The ledger LISTEN connection failed; reconnecting")]
    public static partial void LedgerListenFailed(this ILogger logger, Exception exception);

    [LoggerMessage(10, LogLevel.Warning, "Campaign event {EventId} ({EventType}) names no campaign or no known status; ignored")]
    public static partial void CampaignEventIgnored(this ILogger logger, Guid eventId, string eventType);

    [LoggerMessage(11, LogLevel.Debug, "Campaign {CampaignId} {EventType} at version {Version}: applied {Applied}, visible change {Changed}")]
    public static partial void CampaignTracked(this ILogger logger, Guid campaignId, string eventType, long version, bool applied, bool changed);

    [LoggerMessage(12, LogLevel.Warning, "A totals message could not be read; ignored")]
    public static partial void UnreadableTotalsMessage(this ILogger logger, Exception exception);

    [LoggerMessage(13, LogLevel.Warning, "Unknown read model change message {Kind}; ignored")]
    public static partial void UnknownChangeMessage(this ILogger logger, string kind);

    [LoggerMessage(14, LogLevel.Warning, "Subscribing to the read model channels failed; retrying (reads go to the database meanwhile)")]
    public static partial void SubscribeFailed(this ILogger logger, Exception exception);

    [LoggerMessage(15, LogLevel.Warning, "Redis {ConnectionType} connection lost ({FailureType}): reads go to the database until it is back")]
    public static partial void RedisConnectionLost(this ILogger logger, ConnectionType connectionType, ConnectionFailureType failureType);

    [LoggerMessage(16, LogLevel.Information, "Redis {ConnectionType} connection restored; the memory starts empty once a probe comes back")]
    public static partial void RedisConnectionRestored(this ILogger logger, ConnectionType connectionType);

    [LoggerMessage(17, LogLevel.Information, "Read model pub/sub works: serving totals from memory")]
    public static partial void CacheTrusted(this ILogger logger);

    [LoggerMessage(18, LogLevel.Warning, "The rebuild's reset message was not published; the announcements replace every copy anyway")]
    public static partial void RebuildResetNotPublished(this ILogger logger, Exception exception);

    [LoggerMessage(19, LogLevel.Information,
        "Read models rebuilt from {Campaigns} campaigns and {Pledges} pledges: {LedgerRows} ledger rows ({Dropped} reloaded) in {Batches} batches")]
    public static partial void ReadModelsRebuilt(this ILogger logger, int campaigns, int pledges, int ledgerRows, int dropped, int batches);
}
