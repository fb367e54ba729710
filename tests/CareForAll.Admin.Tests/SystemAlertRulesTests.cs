using CareForAll.Admin.Data;
using CareForAll.Admin.Features.SystemNotifications.Raise;

namespace CareForAll.Admin.Tests;

public sealed class SystemAlertRulesTests
{
    [Fact]
    public void a_payment_captured_with_risk_level_1_is_a_high_risk_held_notification()
    {
        var paymentId = Guid.NewGuid();

        var alert = SystemAlertRules.For(Events.Payment("payment.captured", paymentId, "captured", "pending", "ipn", riskLevel: 1)).ShouldHaveSingleItem();

        alert.Category.ShouldBe(AlertCategories.RiskHeldPayment);
        alert.Severity.ShouldBe("high");
        alert.Type.ShouldBe("alert");
        alert.DedupeKey.ShouldBe($"risk_held:{paymentId}");
        alert.Message.ShouldContain("1500.00 BDT");
        alert.Metadata["paymentId"]!.GetValue<Guid>().ShouldBe(paymentId);
    }

    [Fact]
    public void a_safe_payment_the_gateway_told_us_about_needs_nobody()
    {
        SystemAlertRules.For(Events.Payment("payment.captured", Guid.NewGuid(), "captured", "pending", "ipn", riskLevel: 0)).ShouldBeEmpty();
        SystemAlertRules.For(Events.Payment("payment.completed", Guid.NewGuid(), "completed", "captured", "ipn")).ShouldBeEmpty();
        SystemAlertRules.For(Events.Payment("payment.refunded", Guid.NewGuid(), "refunded", "completed", "reconciliation")).ShouldBeEmpty();
    }

    [Fact]
    public void money_found_by_reconciliation_is_one_medium_notification_per_payment()
    {
        var paymentId = Guid.NewGuid();

        var captured = SystemAlertRules.For(Events.Payment("payment.captured", paymentId, "captured", "pending", "reconciliation")).ShouldHaveSingleItem();
        var completed = SystemAlertRules.For(Events.Payment("payment.completed", paymentId, "completed", "captured", "reconciliation")).ShouldHaveSingleItem();

        captured.Category.ShouldBe(AlertCategories.ReconciliationFoundMoney);
        captured.Severity.ShouldBe("medium");
        captured.Type.ShouldBe("warning");
        // Capture and completion of the same payment are one finding.
        completed.DedupeKey.ShouldBe(captured.DedupeKey);
    }

    [Fact]
    public void a_held_payment_found_by_reconciliation_raises_both()
    {
        var alerts = SystemAlertRules.For(Events.Payment("payment.captured", Guid.NewGuid(), "captured", "pending", "reconciliation", riskLevel: 1));

        alerts.Select(a => a.Category).ShouldBe([AlertCategories.RiskHeldPayment, AlertCategories.ReconciliationFoundMoney], ignoreOrder: true);
    }

    [Fact]
    public void a_notification_that_failed_verification_is_high_once_per_webhook_log_row()
    {
        var logId = Guid.NewGuid();

        var alert = SystemAlertRules.For(Events.NotificationRejected(logId)).ShouldHaveSingleItem();

        alert.Category.ShouldBe(AlertCategories.NotificationRejected);
        alert.Severity.ShouldBe("high");
        alert.DedupeKey.ShouldBe($"notification_rejected:{logId}");
        alert.Message.ShouldContain("signature mismatch");
        alert.Message.ShouldContain("192.0.2.66");
    }

    [Theory]
    [InlineData("campaign.activated")]
    [InlineData("user.suspended")]
    [InlineData("payment.refund_requested")]
    public void admin_actions_raise_no_system_notification(string type)
    {
        var envelope = type switch
        {
            "campaign.activated" => Events.Campaign(type, Guid.NewGuid(), "active", "draft", Events.AdminActor()),
            "user.suspended" => Events.UserStatus(type, Guid.NewGuid(), Events.AdminActor()),
            _ => Events.RefundRequested(Guid.NewGuid(), "refund", "completed", Events.AdminActor()),
        };

        SystemAlertRules.For(envelope).ShouldBeEmpty();
    }

    [Fact]
    public void a_dead_letter_increase_is_critical_and_says_how_many_more()
    {
        var alert = SystemAlertRules.DeadLettered("notifications", increase: 3, previous: 2, current: 5);

        alert.Severity.ShouldBe("critical");
        alert.Type.ShouldBe("alert");
        alert.DedupeKey.ShouldBe("dlq:notifications:3");
        alert.Title.ShouldBe("Messages dead-lettered on notifications");
        alert.Message.ShouldStartWith("3 more messages");
        alert.Message.ShouldContain("notifications.dlq (5 in all)");
    }
}
