using System.Diagnostics.Metrics;

namespace CareForAll.Notifications;

/// <summary>The notifications service's meters (exported with every other <c>CareForAll.*</c> meter).</summary>
internal sealed class NotificationsMetrics
{
    public const string MeterName = "CareForAll.Notifications";

    private readonly Counter<long> _queued;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failedAttempts;
    private long _queueLength;
    private double _oldestQueuedAgeSeconds;

    public NotificationsMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _queued = meter.CreateCounter<long>("careforall.notifications.queued", "{mail}", "Mails written for sending, by template.");
        _sent = meter.CreateCounter<long>("careforall.notifications.sent", "{mail}", "Mails the SMTP server accepted, by template.");
        _failedAttempts = meter.CreateCounter<long>(
            "careforall.notifications.failed_attempts", "{attempt}", "Send attempts that failed, by kind (transient: retried; permanent: recipient refused).");
        meter.CreateObservableGauge("careforall.notifications.queue_length", () => Interlocked.Read(ref _queueLength), "{mail}",
            "Mails waiting to be sent.");
        meter.CreateObservableGauge("careforall.notifications.queue_age", () => Volatile.Read(ref _oldestQueuedAgeSeconds), "s",
            "Age of the oldest mail waiting to be sent: how late mail is running.");
    }

    public void Queued(string template) => _queued.Add(1, new KeyValuePair<string, object?>("notification.template", template));

    public void Sent(string template) => _sent.Add(1, new KeyValuePair<string, object?>("notification.template", template));

    public void AttemptFailed(string template, bool permanent) => _failedAttempts.Add(1,
        new KeyValuePair<string, object?>("notification.template", template),
        new KeyValuePair<string, object?>("failure.kind", permanent ? "permanent" : "transient"));

    public void Backlog(long queued, TimeSpan oldestAge)
    {
        Interlocked.Exchange(ref _queueLength, queued);
        Volatile.Write(ref _oldestQueuedAgeSeconds, Math.Max(0, oldestAge.TotalSeconds));
    }
}
