using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace CareForAll.Admin.Tests;

/// <summary>The dashboard gathers each part from its owner and shows what it got, whoever is down.</summary>
[Collection(PostgresGroup.Name)]
public sealed class DashboardTests(PostgresServer server) : IAsyncLifetime
{
    private const string Statistics = """
        {"totalRaised":125000.00,"raisedToday":4500.00,"donationsToday":3,"totalDonations":81,"totalDonors":57,"currency":"BDT",
         "campaignsByStatus":{"draft":2,"active":5,"completed":1,"expired":0,"cancelled":1},
         "donationsPerHour":[{"hour":"2026-11-20T09:00:00Z","donations":2,"amount":3000.00}]}
        """;

    private const string PaymentStats = """
        {"byStatus":{"pending":4,"captured":1,"completed":70,"failed":6,"refunded":2},"held":1,"refundsAwaitingAnswer":0,"refundsProcessing":1}
        """;

    private AdminHost _host = null!;

    public async Task InitializeAsync() => _host = await AdminHost.StartAsync(await AdminDatabase.CreateAsync(server));

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _host.Database.DisposeAsync();
    }

    private void EveryoneAnswers()
    {
        _host.Owners.AnswerData("GET", "query", "/internal/statistics/dashboard", Statistics);
        _host.Owners.AnswerData("GET", "payments", "/internal/payments/stats", PaymentStats);
        foreach (var service in new[] { "identity", "campaigns", "pledges", "payments" })
        {
            _host.Owners.AnswerData("GET", service, "/internal/messaging/status",
                $$"""{"service":"{{service}}","outboxPending":{{service.Length}},"oldestPendingAgeSeconds":1.5,"failingMessages":0}""");
        }
    }

    private async Task<JsonElement> DashboardAsync()
    {
        var response = await _host.SendAsync(HttpMethod.Get, "/api/admin/dashboard/stats", _host.AdminToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("data").Clone();
    }

    private static JsonElement Part(JsonElement list, string name, string key = "service") =>
        list.EnumerateArray().Single(p => p.GetProperty(key).GetString() == name);

    private async Task UnreadNotificationsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await _host.Database.HandleAsync(Events.NotificationRejected(Guid.NewGuid()));
        }
    }

    [Fact]
    public async Task with_everyone_answering_every_part_is_there()
    {
        EveryoneAnswers();
        _host.DeadLetters.Set("notifications", 3);
        await UnreadNotificationsAsync(2);

        var dashboard = await DashboardAsync();

        var statistics = dashboard.GetProperty("statistics");
        statistics.GetProperty("available").GetBoolean().ShouldBeTrue();
        statistics.GetProperty("data").GetProperty("raisedToday").GetDecimal().ShouldBe(4500m);
        statistics.GetProperty("data").GetProperty("campaignsByStatus").GetProperty("draft").GetInt32().ShouldBe(2);
        statistics.GetProperty("data").GetProperty("donationsPerHour").GetArrayLength().ShouldBe(1);
        var payments = dashboard.GetProperty("payments").GetProperty("data");
        payments.GetProperty("held").GetInt32().ShouldBe(1);
        payments.GetProperty("byStatus").GetProperty("failed").GetInt32().ShouldBe(6);
        payments.GetProperty("byStatus").GetProperty("refunded").GetInt32().ShouldBe(2);
        var outbox = dashboard.GetProperty("outbox");
        outbox.GetArrayLength().ShouldBe(4);
        Part(outbox, "campaigns").GetProperty("data").GetProperty("outboxPending").GetInt32().ShouldBe("campaigns".Length);
        var deadLetters = dashboard.GetProperty("deadLetters");
        deadLetters.GetArrayLength().ShouldBe(BuildingBlocks.Messaging.MessagingTopology.Queues.Count);
        Part(deadLetters, "notifications", "queue").GetProperty("messages").GetInt64().ShouldBe(3);
        Part(deadLetters, "notifications", "queue").GetProperty("deadLetterQueue").GetString().ShouldBe("notifications.dlq");
        Part(deadLetters, "query", "queue").GetProperty("messages").GetInt64().ShouldBe(0);
        dashboard.GetProperty("systemNotifications").GetProperty("unread").GetInt64().ShouldBe(2);

        // Each owner was asked as the admin.
        _host.Owners.Requests.Count.ShouldBe(6);
        _host.Owners.Requests.ShouldAllBe(r => r.Header("Authorization") == $"Bearer {_host.AdminToken}");
    }

    [Fact]
    public async Task a_service_that_is_down_or_silent_shows_as_unavailable_and_the_rest_still_shows()
    {
        EveryoneAnswers();
        _host.Owners.Down("payments");
        _host.Owners.Hang("query");
        _host.Owners.Answer("GET", "identity", "/internal/messaging/status", 500,
            """{"success":false,"error":{"code":"INTERNAL_ERROR","message":"An unexpected error occurred.","details":null}}""");
        _host.DeadLetters.Set("gateway", null);

        var clock = Stopwatch.StartNew();
        var dashboard = await DashboardAsync();
        clock.Stop();

        var statistics = dashboard.GetProperty("statistics");
        statistics.GetProperty("available").GetBoolean().ShouldBeFalse();
        statistics.GetProperty("problem").GetString().ShouldBe("did not answer in time");
        dashboard.GetProperty("payments").GetProperty("available").GetBoolean().ShouldBeFalse();
        dashboard.GetProperty("payments").GetProperty("problem").GetString().ShouldBe("could not be reached");
        var outbox = dashboard.GetProperty("outbox");
        Part(outbox, "payments").GetProperty("available").GetBoolean().ShouldBeFalse();
        Part(outbox, "identity").GetProperty("available").GetBoolean().ShouldBeFalse();
        Part(outbox, "identity").GetProperty("problem").GetString().ShouldBe("answered 500 INTERNAL_ERROR");
        Part(outbox, "campaigns").GetProperty("available").GetBoolean().ShouldBeTrue();
        Part(outbox, "pledges").GetProperty("available").GetBoolean().ShouldBeTrue();
        Part(dashboard.GetProperty("deadLetters"), "gateway", "queue").GetProperty("available").GetBoolean().ShouldBeFalse();
        Part(dashboard.GetProperty("deadLetters"), "campaigns", "queue").GetProperty("available").GetBoolean().ShouldBeTrue();
        dashboard.GetProperty("systemNotifications").GetProperty("available").GetBoolean().ShouldBeTrue();
        // The silent service cost one part timeout, not the page; the failing ones were not retried meanwhile.
        clock.Elapsed.ShouldBeLessThan(AdminHost.PartTimeout * 3);
        _host.Owners.To("payments").Count().ShouldBe(2);
        _host.Owners.To("identity").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task an_owner_refusing_the_admin_is_shown_with_its_answer()
    {
        EveryoneAnswers();
        _host.Owners.Answer("GET", "payments", "/internal/payments/stats", 403,
            """{"success":false,"error":{"code":"FORBIDDEN","message":"You are not allowed to do this.","details":null}}""");

        var dashboard = await DashboardAsync();

        dashboard.GetProperty("payments").GetProperty("available").GetBoolean().ShouldBeFalse();
        dashboard.GetProperty("payments").GetProperty("problem").GetString().ShouldBe("answered 403 FORBIDDEN");
        dashboard.GetProperty("statistics").GetProperty("available").GetBoolean().ShouldBeTrue();
    }
}
