using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareForAll.Admin.Events;
using CareForAll.Admin.Features.AuditLog.Record;
using CareForAll.BuildingBlocks.Messaging;

namespace CareForAll.Admin.Tests;

public sealed class AuditMappingTests
{
    private static readonly Guid CampaignId = Guid.NewGuid();

    private static AuditEntry Audited(IntegrationEvent envelope)
    {
        var entry = AuditMapping.Map(envelope);
        entry.ShouldNotBeNull($"{envelope.EventType} should have been audited");
        entry.EventId.ShouldBe(envelope.EventId);
        entry.EventType.ShouldBe(envelope.EventType);
        entry.OccurredAt.ShouldBe(envelope.OccurredAt);
        return entry;
    }

    private static string? Json(JsonNode? node) => node?.ToJsonString();

    private static void ShouldBeAdmin(AuditEntry entry)
    {
        entry.AdminId.ShouldBe(Events.AdminId);
        entry.IpAddress.ShouldBe(IPAddress.Parse(Events.AdminAddress));
        entry.UserAgent.ShouldBe(Events.AdminAgent);
    }

    [Fact]
    public void an_admin_approving_a_draft_is_approve_campaign_from_draft_to_active()
    {
        var entry = Audited(Events.Campaign("campaign.activated", CampaignId, "active", "draft", Events.AdminActor()));

        entry.Action.ShouldBe("approve_campaign");
        entry.EntityType.ShouldBe("campaign");
        entry.EntityId.ShouldBe(CampaignId);
        ShouldBeAdmin(entry);
        Json(entry.Details["before"]).ShouldBe("""{"status":"draft"}""");
        Json(entry.Details["after"]).ShouldBe("""{"status":"active"}""");
        entry.Details["reason"].ShouldBeNull();
    }

    [Fact]
    public void an_admin_cancelling_a_draft_rejects_it_and_an_active_campaign_is_cancelled_with_the_reason()
    {
        var rejected = Audited(Events.Campaign("campaign.cancelled", CampaignId, "cancelled", "draft", Events.AdminActor(), reason: "Documents do not match"));
        var cancelled = Audited(Events.Campaign("campaign.cancelled", CampaignId, "cancelled", "active", Events.AdminActor(), reason: "Fraud suspected"));

        rejected.Action.ShouldBe("reject_campaign");
        Json(rejected.Details["before"]).ShouldBe("""{"status":"draft"}""");
        Json(rejected.Details["after"]).ShouldBe("""{"status":"cancelled"}""");
        rejected.Details["reason"]!.GetValue<string>().ShouldBe("Documents do not match");
        cancelled.Action.ShouldBe("cancel_campaign");
        Json(cancelled.Details["before"]).ShouldBe("""{"status":"active"}""");
        cancelled.Details["reason"]!.GetValue<string>().ShouldBe("Fraud suspected");
    }

    [Fact]
    public void an_admin_closing_a_campaign_is_close_campaign()
    {
        var entry = Audited(Events.Campaign("campaign.completed", CampaignId, "completed", "active", Events.AdminActor(), reason: "Goal met offline"));

        entry.Action.ShouldBe("close_campaign");
        Json(entry.Details["before"]).ShouldBe("""{"status":"active"}""");
        Json(entry.Details["after"]).ShouldBe("""{"status":"completed"}""");
    }

    [Theory]
    [InlineData("campaign.completed", "completed", "active")]
    [InlineData("campaign.cancelled", "cancelled", "draft")]
    [InlineData("campaign.created", "draft", null)]
    [InlineData("campaign.updated", "draft", null)]
    public void the_organiser_acting_on_their_own_campaign_is_not_an_admin_action(string type, string status, string? previousStatus)
    {
        AuditMapping.Map(Events.Campaign(type, CampaignId, status, previousStatus, Events.OrganizerActor(), changes: ["title"]))
            .ShouldBeNull();
    }

    [Theory]
    [InlineData("campaign.completed", "completed", "active")]
    [InlineData("campaign.expired", "expired", "active")]
    [InlineData("campaign.goal_reached", "active", null)]
    [InlineData("campaign.updated", "active", null)]
    public void what_the_platform_did_on_its_own_is_not_audited(string type, string status, string? previousStatus)
    {
        AuditMapping.Map(Events.Campaign(type, CampaignId, status, previousStatus, actor: null, changes: ["currentAmount"]))
            .ShouldBeNull();
    }

    [Fact]
    public void an_admin_editing_a_campaign_logs_the_old_and_new_values_of_the_changed_fields()
    {
        var entry = Audited(Events.Campaign(
            "campaign.updated", CampaignId, "draft", null, Events.AdminActor(),
            changes: ["title", "goalAmount", "description"],
            previous: new { title = "Heart surgery", goalAmount = 40_000m, description = "Old text" },
            title: "Heart surgery for Rahim",
            goalAmount: 50_000m));

        entry.Action.ShouldBe("update_campaign");
        Json(entry.Details["before"]).ShouldBe("""{"title":"Heart surgery","goalAmount":40000,"description":"Old text"}""");
        // The event carries the campaign's new title and goal; the description is not part of the event.
        Json(entry.Details["after"]).ShouldBe("""{"title":"Heart surgery for Rahim","goalAmount":50000}""");
    }

    [Fact]
    public void a_totals_update_is_not_an_edit_even_if_an_admin_is_named()
    {
        AuditMapping.Map(Events.Campaign("campaign.updated", CampaignId, "active", null, Events.AdminActor(), changes: ["currentAmount"]))
            .ShouldBeNull();
    }

    [Fact]
    public void an_admin_creating_a_campaign_logs_what_was_created()
    {
        var entry = Audited(Events.Campaign("campaign.created", CampaignId, "draft", null, Events.AdminActor()));

        entry.Action.ShouldBe("create_campaign");
        entry.Details["before"].ShouldBeNull();
        var after = entry.Details["after"]!.AsObject();
        after["status"]!.GetValue<string>().ShouldBe("draft");
        after["title"]!.GetValue<string>().ShouldBe("Heart surgery for Rahim");
        after["goalAmount"]!.GetValue<decimal>().ShouldBe(50_000m);
        after["organizerId"]!.GetValue<Guid>().ShouldBe(Events.OrganizerId);
        after.ContainsKey("currentAmount").ShouldBeFalse();
    }

    [Fact]
    public void suspending_and_reactivating_a_user_log_the_status_move_and_the_reason()
    {
        var userId = Guid.NewGuid();

        var suspended = Audited(Events.UserStatus("user.suspended", userId, Events.AdminActor()));
        var reactivated = Audited(Events.UserStatus("user.reactivated", userId, Events.AdminActor(), reason: "Cleared"));

        suspended.Action.ShouldBe("suspend_user");
        suspended.EntityType.ShouldBe("user");
        suspended.EntityId.ShouldBe(userId);
        ShouldBeAdmin(suspended);
        Json(suspended.Details["before"]).ShouldBe("""{"status":"ACTIVE"}""");
        Json(suspended.Details["after"]).ShouldBe("""{"status":"SUSPENDED"}""");
        suspended.Details["reason"]!.GetValue<string>().ShouldBe("Fraud reports");
        suspended.Details["email"]!.GetValue<string>().ShouldBe("rahim@example.org");
        reactivated.Action.ShouldBe("reactivate_user");
        Json(reactivated.Details["before"]).ShouldBe("""{"status":"SUSPENDED"}""");
        Json(reactivated.Details["after"]).ShouldBe("""{"status":"ACTIVE"}""");
        reactivated.Details["reason"]!.GetValue<string>().ShouldBe("Cleared");
    }

    [Fact]
    public void a_suspension_written_before_the_actor_object_is_read_from_the_flat_fields()
    {
        var entry = Audited(Events.UserStatus("user.suspended", Guid.NewGuid(), actor: null));

        entry.Action.ShouldBe("suspend_user");
        ShouldBeAdmin(entry);
    }

    [Fact]
    public void a_user_status_event_whose_actor_is_not_an_admin_is_not_audited()
    {
        AuditMapping.Map(Events.UserStatus("user.suspended", Guid.NewGuid(), Events.OrganizerActor(), flatActor: false)).ShouldBeNull();
    }

    [Theory]
    [InlineData("refund", "completed", "refund_payment")]
    [InlineData("reject", "captured", "reject_payment")]
    public void an_admins_refund_request_logs_the_amount_reason_and_payment_status(string kind, string paymentStatus, string action)
    {
        var paymentId = Guid.NewGuid();

        var entry = Audited(Events.RefundRequested(paymentId, kind, paymentStatus, Events.AdminActor(), amount: 2750.50m));

        entry.Action.ShouldBe(action);
        entry.EntityType.ShouldBe("payment");
        entry.EntityId.ShouldBe(paymentId);
        ShouldBeAdmin(entry);
        Json(entry.Details["before"]).ShouldBe($$"""{"status":"{{paymentStatus}}"}""");
        Json(entry.Details["after"]).ShouldBe("""{"refundStatus":"processing"}""");
        entry.Details["amount"]!.GetValue<decimal>().ShouldBe(2750.50m);
        entry.Details["currency"]!.GetValue<string>().ShouldBe("BDT");
        entry.Details["reason"]!.GetValue<string>().ShouldBe("Donor asked for the money back");
        entry.Details["refundId"].ShouldNotBeNull();
    }

    [Fact]
    public void a_refund_request_of_an_unknown_kind_fails_rather_than_going_unlogged()
    {
        Should.Throw<JsonException>(() => AuditMapping.Map(Events.RefundRequested(Guid.NewGuid(), "chargeback", "completed", Events.AdminActor())));
    }

    [Fact]
    public void an_admin_releasing_a_held_payment_is_release_payment_from_captured()
    {
        var paymentId = Guid.NewGuid();

        var entry = Audited(Events.Payment("payment.completed", paymentId, "completed", "captured", "admin", riskLevel: 1,
            actor: Events.AdminActor(), reason: "released by an admin: donor verified"));

        entry.Action.ShouldBe("release_payment");
        entry.EntityId.ShouldBe(paymentId);
        Json(entry.Details["before"]).ShouldBe("""{"status":"captured"}""");
        Json(entry.Details["after"]).ShouldBe("""{"status":"completed"}""");
        entry.Details["amount"]!.GetValue<decimal>().ShouldBe(1500m);
        entry.Details["reason"]!.GetValue<string>().ShouldBe("released by an admin: donor verified");
    }

    [Theory]
    [InlineData("payment.completed", "completed", "captured", "ipn")]
    [InlineData("payment.completed", "completed", "captured", "reconciliation")]
    [InlineData("payment.captured", "captured", "pending", "ipn")]
    [InlineData("payment.refunded", "refunded", "completed", "ipn")]
    public void payment_moves_the_gateway_made_are_not_admin_actions(string type, string status, string previous, string source)
    {
        AuditMapping.Map(Events.Payment(type, Guid.NewGuid(), status, previous, source)).ShouldBeNull();
    }

    [Fact]
    public void the_refund_confirmation_is_not_logged_again_after_the_request()
    {
        // The admin's refund is one action, logged from payment.refund_requested; the gateway's later answer names
        // the same admin but is not a second action.
        AuditMapping.Map(Events.Payment("payment.refunded", Guid.NewGuid(), "refunded", "completed", "admin", actor: Events.AdminActor()))
            .ShouldBeNull();
        AuditMapping.Map(Events.NotificationRejected(Guid.NewGuid())).ShouldBeNull();
    }

    [Theory]
    [InlineData("203.0.113.7:51234", "203.0.113.7")]
    [InlineData("[2001:db8::1]:443", "2001:db8::1")]
    [InlineData("2001:db8::1", "2001:db8::1")]
    public void a_client_address_with_a_port_is_kept_as_the_address(string given, string stored)
    {
        var entry = Audited(Events.Campaign("campaign.activated", CampaignId, "active", "draft", Events.AdminActor(clientAddress: given)));

        entry.IpAddress.ShouldBe(IPAddress.Parse(stored));
        entry.Details.ContainsKey("clientAddress").ShouldBeFalse();
    }

    [Fact]
    public void a_client_address_that_is_no_address_is_kept_in_the_details()
    {
        var entry = Audited(Events.Campaign("campaign.activated", CampaignId, "active", "draft", Events.AdminActor(clientAddress: "unknown")));

        entry.IpAddress.ShouldBeNull();
        entry.Details["clientAddress"]!.GetValue<string>().ShouldBe("unknown");
    }

    [Fact]
    public void the_mapping_knows_exactly_the_event_types_the_admin_queue_is_bound_to()
    {
        AdminEventTypes.All.ShouldBe(MessagingTopology.Queues["admin"], ignoreOrder: true);
    }
}
