using System.Net;
using System.Text.Json;

namespace CareForAll.Admin.Tests;

/// <summary><c>GET /api/admin/notifications</c> and <c>PATCH /api/admin/notifications/{id}/read</c>.</summary>
[Collection(PostgresGroup.Name)]
public sealed class NotificationEndpointTests(PostgresServer server) : IAsyncLifetime
{
    private AdminHost _host = null!;

    public async Task InitializeAsync() => _host = await AdminHost.StartAsync(await AdminDatabase.CreateAsync(server));

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _host.Database.DisposeAsync();
    }

    private static async Task<JsonElement> RootAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private async Task<JsonElement> ListAsync(string query = "")
    {
        var response = await _host.SendAsync(HttpMethod.Get, "/api/admin/notifications" + query, _host.AdminToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await RootAsync(response)).GetProperty("data");
    }

    private Task<HttpResponseMessage> MarkAsync(Guid id, Guid? adminId = null) =>
        _host.SendAsync(HttpMethod.Patch, $"/api/admin/notifications/{id}/read", _host.Token(adminId ?? Events.AdminId));

    [Fact]
    public async Task notifications_list_newest_first_and_unread_narrows_them()
    {
        await _host.Database.HandleAsync(Events.NotificationRejected(Guid.NewGuid()));
        _host.Database.Clock.Advance(TimeSpan.FromMinutes(1));
        await _host.Database.HandleAsync(Events.Payment("payment.captured", Guid.NewGuid(), "captured", "pending", "ipn", riskLevel: 1));

        var all = await ListAsync();
        (await MarkAsync(all[1].GetProperty("id").GetGuid())).StatusCode.ShouldBe(HttpStatusCode.OK);
        var unread = await ListAsync("?unread=true");
        var high = await ListAsync("?severity=high");

        all.EnumerateArray().Select(n => n.GetProperty("category").GetString()).ShouldBe(["risk_held_payment", "notification_rejected"]);
        all[0].GetProperty("type").GetString().ShouldBe("alert");
        all[0].GetProperty("metadata").GetProperty("riskLevel").GetInt32().ShouldBe(1);
        unread.EnumerateArray().ShouldHaveSingleItem().GetProperty("category").GetString().ShouldBe("risk_held_payment");
        high.GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task marking_read_is_kept_once_with_the_first_reader()
    {
        await _host.Database.HandleAsync(Events.NotificationRejected(Guid.NewGuid()));
        var id = (await ListAsync())[0].GetProperty("id").GetGuid();

        var first = await RootAsync(await MarkAsync(id));
        _host.Database.Clock.Advance(TimeSpan.FromMinutes(5));
        var again = await MarkAsync(id, Guid.NewGuid());

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = await RootAsync(again);
        first.GetProperty("data").GetProperty("isRead").GetBoolean().ShouldBeTrue();
        first.GetProperty("data").GetProperty("readBy").GetGuid().ShouldBe(Events.AdminId);
        second.GetProperty("data").GetProperty("readBy").GetGuid().ShouldBe(Events.AdminId);
        second.GetProperty("data").GetProperty("readAt").GetDateTimeOffset()
            .ShouldBe(first.GetProperty("data").GetProperty("readAt").GetDateTimeOffset());
        (await _host.Database.CountAsync("SELECT count(*) FROM admin.system_notifications WHERE NOT is_read")).ShouldBe(0);
    }

    [Fact]
    public async Task marking_a_notification_that_does_not_exist_is_404()
    {
        var response = await MarkAsync(Guid.NewGuid());

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await RootAsync(response)).GetProperty("error").GetProperty("code").GetString().ShouldBe("NOTIFICATION_NOT_FOUND");
    }
}
