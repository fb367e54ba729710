using System.Diagnostics.Metrics;

namespace CareForAll.Admin;

/// <summary>Business meters of the admin service (exported with every <c>CareForAll.*</c> meter).</summary>
internal sealed class AdminMetrics
{
    public const string MeterName = "CareForAll.Admin";

    private readonly Counter<long> _auditRecorded;
    private readonly Counter<long> _notificationsRaised;
    private readonly Counter<long> _ownerUnanswered;

    public AdminMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _auditRecorded = meter.CreateCounter<long>("careforall.admin.audit_recorded", "{entry}", "Admin actions written to the audit log, by action.");
        _notificationsRaised = meter.CreateCounter<long>(
            "careforall.admin.notifications_raised", "{notification}", "System notifications raised for admins, by category.");
        _ownerUnanswered = meter.CreateCounter<long>(
            "careforall.admin.owner_unanswered", "{call}", "Calls to an owning service that got no answer, by service.");
    }

    public void AuditRecorded(string action) => _auditRecorded.Add(1, new KeyValuePair<string, object?>("audit.action", action));

    public void NotificationRaised(string category) =>
        _notificationsRaised.Add(1, new KeyValuePair<string, object?>("notification.category", category));

    public void OwnerUnanswered(string service) => _ownerUnanswered.Add(1, new KeyValuePair<string, object?>("service", service));
}
