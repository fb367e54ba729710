using CareForAll.Admin.Data;
using CareForAll.Admin.Features.SystemNotifications.Raise;
using CareForAll.BuildingBlocks.Messaging;

namespace CareForAll.Admin.Features.SystemNotifications.DeadLetters;

/// <summary>
/// One look at every consumer's dead-letter queue: each increase since the last look raises one critical
/// notification. A queue drained by an operator is remembered lower, so it growing again is news again.
/// </summary>
internal sealed class DeadLetterCheck(
    IDeadLetterCounter counter,
    NpgsqlDataSource database,
    TimeProvider clock,
    AdminMetrics metrics,
    ILogger<DeadLetterCheck> logger)
{
    /// <summary>Counts every queue of <see cref="MessagingTopology.Queues"/>; returns the notifications raised.</summary>
    public async Task<IReadOnlyList<SystemAlert>> RunAsync(CancellationToken ct)
    {
        var raised = new List<SystemAlert>();
        foreach (var queue in MessagingTopology.Queues.Keys.Order(StringComparer.Ordinal))
        {
            if (await counter.CountAsync(queue, ct) is { } count && await ObserveAsync(queue, count, ct) is { } alert)
            {
                raised.Add(alert);
            }
        }

        return raised;
    }

    /// <summary>Records <paramref name="count"/> for <paramref name="queue"/>; raises a notification when it grew.</summary>
    public async Task<SystemAlert?> ObserveAsync(string queue, long count, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var seen = await Data.LockAsync(connection, transaction, queue, now, ct);

        SystemAlert? alert = null;
        var increases = seen.Increases;
        if (count > seen.MessageCount)
        {
            increases++;
            alert = SystemAlertRules.DeadLettered(queue, increases, seen.MessageCount, count);
            if (!await SystemNotificationStore.RaiseAsync(connection, transaction, alert, now, ct))
            {
                alert = null;
            }
        }

        if (count != seen.MessageCount || alert is not null)
        {
            await Data.SaveAsync(connection, transaction, queue, count, increases, now, ct);
        }

        await transaction.CommitAsync(ct);
        if (alert is not null)
        {
            metrics.NotificationRaised(alert.Category);
            logger.DeadLettersGrew(queue, seen.MessageCount, count);
        }

        return alert;
    }
}
