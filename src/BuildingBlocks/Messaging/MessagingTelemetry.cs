using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CareForAll.BuildingBlocks.Messaging;

/// <summary>
/// Spans and meters of the outbox, relay and consumers. ServiceDefaults subscribes to <c>CareForAll.*</c>.
/// </summary>
public static class MessagingTelemetry
{
    /// <summary>Publish and consume spans.</summary>
    public static readonly ActivitySource ActivitySource = new(MessagingNames.TelemetryName);

    static readonly Meter Meter = new(MessagingNames.TelemetryName);

    static long _outboxPending;
    static double _outboxOldestAgeSeconds;

    /// <summary>Events confirmed by the broker.</summary>
    public static readonly Counter<long> Published =
        Meter.CreateCounter<long>("careforall.messaging.published", "{event}", "Events published and confirmed by the broker.");

    /// <summary>Events whose handler committed.</summary>
    public static readonly Counter<long> Consumed =
        Meter.CreateCounter<long>("careforall.messaging.consumed", "{event}", "Events handled and committed.");

    /// <summary>Redelivered events the inbox recognised and skipped.</summary>
    public static readonly Counter<long> DuplicatesSkipped =
        Meter.CreateCounter<long>("careforall.messaging.duplicates_skipped", "{event}", "Redelivered events skipped by the inbox.");

    /// <summary>Handler failures (each one is retried until the queue's delivery limit).</summary>
    public static readonly Counter<long> Failed =
        Meter.CreateCounter<long>("careforall.messaging.failed", "{event}", "Handler attempts that failed and were returned to the queue.");

    /// <summary>Events given up on: sent to the dead-letter queue.</summary>
    public static readonly Counter<long> DeadLettered =
        Meter.CreateCounter<long>("careforall.messaging.dead_lettered", "{event}", "Events sent to the dead-letter queue.");

    static MessagingTelemetry()
    {
        Meter.CreateObservableGauge("careforall.messaging.outbox.pending", () => Volatile.Read(ref _outboxPending),
            "{event}", "Outbox rows not yet published.");
        Meter.CreateObservableGauge("careforall.messaging.outbox.oldest_age", () => Volatile.Read(ref _outboxOldestAgeSeconds),
            "s", "Age of the oldest unpublished outbox row.");
    }

    /// <summary>Records the latest outbox backlog measurement (read by the observable gauges).</summary>
    /// <param name="pending">Unsent rows.</param>
    /// <param name="oldestAge">Age of the oldest unsent row, zero when none.</param>
    public static void RecordOutboxBacklog(long pending, TimeSpan oldestAge)
    {
        Volatile.Write(ref _outboxPending, pending);
        Volatile.Write(ref _outboxOldestAgeSeconds, oldestAge.TotalSeconds);
    }
}
