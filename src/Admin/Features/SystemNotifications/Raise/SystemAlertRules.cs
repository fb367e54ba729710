using System.Globalization;
using System.Text.Json.Nodes;
using CareForAll.Admin.Data;
using CareForAll.Admin.Events;
using CareForAll.BuildingBlocks.Messaging;

namespace CareForAll.Admin.Features.SystemNotifications.Raise;

/// <summary>
/// What an owner's event should tell the admins, if anything: money waiting on them (a risk-held payment), money the
/// platform had missed (found by reconciliation), and a payment notification that failed verification.
/// </summary>
internal static class SystemAlertRules
{
    public static IReadOnlyList<SystemAlert> For(IntegrationEvent envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        switch (envelope.EventType)
        {
            case AdminEventTypes.PaymentCaptured:
            {
                var payment = EventJson.Read<PaymentEventData>(envelope);
                var alerts = new List<SystemAlert>(2);
                if (payment.RiskLevel == 1)
                {
                    alerts.Add(RiskHeld(payment));
                }

                if (FoundByReconciliation(payment))
                {
                    alerts.Add(ReconciliationFound(payment));
                }

                return alerts;
            }

            case AdminEventTypes.PaymentCompleted:
            {
                var payment = EventJson.Read<PaymentEventData>(envelope);
                return FoundByReconciliation(payment) ? [ReconciliationFound(payment)] : [];
            }

            case AdminEventTypes.PaymentNotificationRejected:
                return [Rejected(EventJson.Read<NotificationRejectedData>(envelope))];

            default:
                return [];
        }
    }

    /// <summary>The count of a dead-letter queue grew: messages a consumer gave up on wait for an operator.</summary>
    /// <param name="queue">The consumer queue whose <c>.dlq</c> grew.</param>
    /// <param name="increase">The how-many-th increase this is (part of the dedupe key).</param>
    /// <param name="previous">The count seen before.</param>
    /// <param name="current">The count now.</param>
    public static SystemAlert DeadLettered(string queue, int increase, long previous, long current)
    {
        var added = current - previous;
        var deadLetterQueue = MessagingNames.DeadLetterQueue(queue);
        return new SystemAlert(
            $"dlq:{queue}:{increase.ToString(CultureInfo.InvariantCulture)}",
            AlertCategories.DeadLetters,
            AlertSeverities.Critical,
            $"Messages dead-lettered on {queue}",
            $"{added} more message{(added == 1 ? "" : "s")} could not be handled by the {queue} consumer and now wait in "
                + $"{deadLetterQueue} ({current} in all). Read them, fix the cause and replay them.",
            new JsonObject { ["queue"] = queue, ["deadLetterQueue"] = deadLetterQueue, ["previousCount"] = previous, ["count"] = current });
    }

    private static bool FoundByReconciliation(PaymentEventData payment) =>
        string.Equals(payment.Source, PaymentEventData.ReconciliationSource, StringComparison.Ordinal);

    // One per payment: a payment is held once, though its capture may be seen again.
    private static SystemAlert RiskHeld(PaymentEventData payment) => new(
        $"risk_held:{payment.PaymentId}",
        AlertCategories.RiskHeldPayment,
        AlertSeverities.High,
        "A risk-held payment is waiting",
        $"Payment {payment.PaymentId} of {Money(payment)} (transaction {payment.TranId}) was captured with risk level 1. "
            + "The donation counts only when an admin releases it; reject it to return the money.",
        PaymentMetadata(payment));

    // One per payment: reconciliation's capture and completion of the same payment are one finding.
    private static SystemAlert ReconciliationFound(PaymentEventData payment) => new(
        $"reconciliation:{payment.PaymentId}",
        AlertCategories.ReconciliationFoundMoney,
        AlertSeverities.Medium,
        "Reconciliation found money the platform had missed",
        $"The gateway says payment {payment.PaymentId} of {Money(payment)} (transaction {payment.TranId}) was paid, but no "
            + $"notification of it had arrived; reconciliation moved it to {payment.Status}.",
        PaymentMetadata(payment));

    private static SystemAlert Rejected(NotificationRejectedData rejected) => new(
        $"notification_rejected:{rejected.WebhookLogId}",
        AlertCategories.NotificationRejected,
        AlertSeverities.High,
        "A payment notification failed verification",
        $"A {rejected.Source ?? "payment"} notification for transaction {rejected.TranId ?? "(none)"} from "
            + $"{rejected.RemoteAddress ?? "an unknown address"} was refused: {rejected.Reason ?? "no reason given"}. "
            + "A forged or altered notification changes nothing, but repeated ones deserve a look.",
        new JsonObject
        {
            ["webhookLogId"] = rejected.WebhookLogId,
            ["paymentId"] = rejected.PaymentId,
            ["tranId"] = rejected.TranId,
            ["source"] = rejected.Source,
            ["remoteAddress"] = rejected.RemoteAddress,
            ["reason"] = rejected.Reason,
        });

    private static string Money(PaymentEventData payment) =>
        $"{payment.Amount.ToString("0.00", CultureInfo.InvariantCulture)} {payment.Currency}";

    private static JsonObject PaymentMetadata(PaymentEventData payment) => new()
    {
        ["paymentId"] = payment.PaymentId,
        ["pledgeId"] = payment.PledgeId,
        ["campaignId"] = payment.CampaignId,
        ["tranId"] = payment.TranId,
        ["amount"] = payment.Amount,
        ["currency"] = payment.Currency,
        ["riskLevel"] = payment.RiskLevel,
        ["status"] = payment.Status,
        ["source"] = payment.Source,
    };
}
