using System.Text.Json;
using CareForAll.Admin.Data;
using CareForAll.Admin.Features.AuditLog.Record;
using CareForAll.Admin.Features.SystemNotifications.Raise;
using CareForAll.BuildingBlocks.Messaging;

namespace CareForAll.Admin.Events;

/// <summary>
/// Every event of the <c>admin</c> queue: the audit entry of the admin action behind it, if any, and the system
/// notifications it calls for, written in the inbox's transaction so a redelivery adds nothing.
/// </summary>
internal sealed class AdminEventHandler(TimeProvider clock, AdminMetrics metrics, ILogger<AdminEventHandler> logger)
    : CareForAll.BuildingBlocks.Messaging.IEventHandler<JsonElement>
{
    public async Task HandleAsync(EventContext<JsonElement> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = clock.GetUtcNow();
        var envelope = context.Event;

        if (AuditMapping.Map(envelope) is { } entry)
        {
            if (await Features.AuditLog.Record.Data.InsertAsync(context.Connection, context.Transaction, entry, now, cancellationToken))
            {
                metrics.AuditRecorded(entry.Action);
                logger.AuditRecorded(entry.Action, entry.EntityType, entry.EntityId, entry.AdminId, envelope.EventId);
            }
            else
            {
                logger.AuditAlreadyRecorded(envelope.EventId, envelope.EventType);
            }
        }

        foreach (var alert in SystemAlertRules.For(envelope))
        {
            if (await SystemNotificationStore.RaiseAsync(context.Connection, context.Transaction, alert, now, cancellationToken))
            {
                metrics.NotificationRaised(alert.Category);
                logger.NotificationRaised(alert.Category, alert.Severity, alert.DedupeKey);
            }
        }
    }
}
