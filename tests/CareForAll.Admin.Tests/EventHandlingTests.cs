using System.Text.Json;
using Npgsql;

namespace CareForAll.Admin.Tests;

/// <summary>The <c>admin</c> queue's handler against a real database: what it writes, and that it writes it once.</summary>
[Collection(PostgresGroup.Name)]
public sealed class EventHandlingTests(PostgresServer server) : IAsyncLifetime
{
    private AdminDatabase _database = null!;

    public async Task InitializeAsync() => _database = await AdminDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task an_admin_action_is_logged_with_who_what_when_and_from_where()
    {
        var campaignId = Guid.NewGuid();
        var envelope = Events.Campaign("campaign.cancelled", campaignId, "cancelled", "draft", Events.AdminActor(), reason: "Documents do not match");

        await _database.HandleAsync(envelope);

        await using var command = _database.DataSource.CreateCommand("""
            SELECT admin_id, action, entity_type, entity_id, details::text, host(ip_address), user_agent, created_at, recorded_at, event_id, event_type
            FROM admin.audit_logs
            """);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        reader.GetGuid(0).ShouldBe(Events.AdminId);
        reader.GetString(1).ShouldBe("reject_campaign");
        reader.GetString(2).ShouldBe("campaign");
        reader.GetGuid(3).ShouldBe(campaignId);
        using (var details = JsonDocument.Parse(reader.GetString(4)))
        {
            details.RootElement.GetProperty("before").GetProperty("status").GetString().ShouldBe("draft");
            details.RootElement.GetProperty("after").GetProperty("status").GetString().ShouldBe("cancelled");
            details.RootElement.GetProperty("reason").GetString().ShouldBe("Documents do not match");
        }

        reader.GetString(5).ShouldBe(Events.AdminAddress);
        reader.GetString(6).ShouldBe(Events.AdminAgent);
        reader.GetFieldValue<DateTimeOffset>(7).ShouldBe(Events.At);
        reader.GetFieldValue<DateTimeOffset>(8).ShouldBe(_database.Clock.Now);
        reader.GetGuid(9).ShouldBe(envelope.EventId);
        reader.GetString(10).ShouldBe("campaign.cancelled");
        (await reader.ReadAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task a_redelivered_event_is_logged_once()
    {
        var envelope = Events.UserStatus("user.suspended", Guid.NewGuid(), Events.AdminActor());

        await _database.HandleAsync(envelope);
        await _database.HandleAsync(envelope);
        await Task.WhenAll(_database.HandleAsync(envelope), _database.HandleAsync(envelope));

        (await _database.CountAsync("SELECT count(*) FROM admin.audit_logs")).ShouldBe(1);
    }

    [Fact]
    public async Task two_admin_actions_on_one_entity_are_two_entries()
    {
        var userId = Guid.NewGuid();

        await _database.HandleAsync(Events.UserStatus("user.suspended", userId, Events.AdminActor()));
        await _database.HandleAsync(Events.UserStatus("user.reactivated", userId, Events.AdminActor()));

        (await _database.CountAsync("SELECT count(*) FROM admin.audit_logs WHERE entity_id = @id", ("id", userId))).ShouldBe(2);
    }

    [Fact]
    public async Task events_no_admin_caused_leave_the_log_empty()
    {
        var campaignId = Guid.NewGuid();

        await _database.HandleAsync(Events.Campaign("campaign.completed", campaignId, "completed", "active", Events.OrganizerActor()));
        await _database.HandleAsync(Events.Campaign("campaign.expired", campaignId, "expired", "active", actor: null));
        await _database.HandleAsync(Events.Campaign("campaign.updated", campaignId, "active", null, actor: null, changes: ["currentAmount"]));
        await _database.HandleAsync(Events.Payment("payment.completed", Guid.NewGuid(), "completed", "captured", "ipn"));

        (await _database.CountAsync("SELECT count(*) FROM admin.audit_logs")).ShouldBe(0);
    }

    [Theory]
    [InlineData("UPDATE admin.audit_logs SET action = 'approve_campaign'")]
    [InlineData("DELETE FROM admin.audit_logs")]
    [InlineData("TRUNCATE admin.audit_logs")]
    public async Task the_audit_log_refuses_to_be_changed(string sql)
    {
        await _database.HandleAsync(Events.Campaign("campaign.cancelled", Guid.NewGuid(), "cancelled", "active", Events.AdminActor(), reason: "Fraud"));

        var refused = await Should.ThrowAsync<PostgresException>(async () =>
        {
            await using var command = _database.DataSource.CreateCommand(sql);
            await command.ExecuteNonQueryAsync();
        });

        refused.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        refused.MessageText.ShouldContain("append-only");
        (await _database.ScalarAsync<string>("SELECT action FROM admin.audit_logs")).ShouldBe("cancel_campaign");
    }

    [Fact]
    public async Task a_risk_held_capture_raises_one_notification_however_often_it_arrives()
    {
        var paymentId = Guid.NewGuid();
        var captured = Events.Payment("payment.captured", paymentId, "captured", "pending", "ipn", riskLevel: 1);

        await _database.HandleAsync(captured);
        await _database.HandleAsync(captured);
        // The same capture published again under a new event id (a relay retry after a lost confirm).
        await _database.HandleAsync(Events.Payment("payment.captured", paymentId, "captured", "pending", "ipn", riskLevel: 1));

        (await _database.CountAsync("SELECT count(*) FROM admin.system_notifications WHERE category = 'risk_held_payment'")).ShouldBe(1);
        (await _database.ScalarAsync<string>("SELECT severity FROM admin.system_notifications")).ShouldBe("high");
        (await _database.ScalarAsync<bool>("SELECT is_read FROM admin.system_notifications")).ShouldBeFalse();
        (await _database.ScalarAsync<string>("SELECT metadata->>'paymentId' FROM admin.system_notifications")).ShouldBe(paymentId.ToString());
    }

    [Fact]
    public async Task reconciliation_capturing_and_completing_a_payment_is_one_notification()
    {
        var paymentId = Guid.NewGuid();

        await _database.HandleAsync(Events.Payment("payment.captured", paymentId, "captured", "pending", "reconciliation"));
        await _database.HandleAsync(Events.Payment("payment.completed", paymentId, "completed", "captured", "reconciliation"));

        (await _database.CountAsync("SELECT count(*) FROM admin.system_notifications WHERE category = 'reconciliation_found_money'")).ShouldBe(1);
        (await _database.ScalarAsync<string>("SELECT severity FROM admin.system_notifications")).ShouldBe("medium");
    }

    [Fact]
    public async Task a_refused_payment_notification_raises_a_high_notification()
    {
        await _database.HandleAsync(Events.NotificationRejected(Guid.NewGuid()));
        await _database.HandleAsync(Events.NotificationRejected(Guid.NewGuid()));

        (await _database.CountAsync("SELECT count(*) FROM admin.system_notifications WHERE category = 'notification_rejected' AND severity = 'high'"))
            .ShouldBe(2);
    }
}
