using System.Globalization;
using System.Net;
using System.Text.Json;

namespace CareForAll.Admin.Tests;

/// <summary><c>GET /api/admin/audit-logs</c> over entries made from events.</summary>
[Collection(PostgresGroup.Name)]
public sealed class AuditLogEndpointTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly Guid OtherAdmin = Guid.Parse("0196a5f0-0000-7000-8000-00000000a009");

    private AdminHost _host = null!;

    public async Task InitializeAsync() => _host = await AdminHost.StartAsync(await AdminDatabase.CreateAsync(server));

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _host.Database.DisposeAsync();
    }

    private async Task<(JsonElement Data, JsonElement Pagination)> ListAsync(string query)
    {
        var response = await _host.SendAsync(HttpMethod.Get, "/api/admin/audit-logs" + query, _host.AdminToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (document.RootElement.GetProperty("data").Clone(), document.RootElement.GetProperty("pagination").Clone());
    }

    private static string Iso(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>Five actions an hour apart, oldest first: approve, reject, suspend (other admin), refund, release.</summary>
    private async Task<(Guid Campaign, Guid User, Guid Payment)> SeedAsync()
    {
        var campaign = Guid.NewGuid();
        var user = Guid.NewGuid();
        var payment = Guid.NewGuid();
        await _host.Database.HandleAsync(Events.Campaign("campaign.activated", campaign, "active", "draft", Events.AdminActor(), occurredAt: Events.At));
        await _host.Database.HandleAsync(Events.Campaign("campaign.cancelled", Guid.NewGuid(), "cancelled", "draft", Events.AdminActor(),
            reason: "Incomplete", occurredAt: Events.At.AddHours(1)));
        await _host.Database.HandleAsync(Events.Envelope("user.suspended", new
        {
            userId = user, email = "a@example.org", reason = "Spam", previousStatus = "ACTIVE", status = "SUSPENDED",
            actor = Events.AdminActor(OtherAdmin),
        }, user, Events.At.AddHours(2)));
        await _host.Database.HandleAsync(Events.Envelope("payment.refund_requested", new
        {
            paymentId = payment, pledgeId = Guid.NewGuid(), campaignId = campaign, refundId = Guid.NewGuid(), kind = "refund", amount = 500m,
            currency = "BDT", reason = "Duplicate", paymentStatus = "completed", refundStatus = "processing", actor = Events.AdminActor(),
        }, payment, Events.At.AddHours(3)));
        await _host.Database.HandleAsync(Events.Envelope("payment.completed", new
        {
            paymentId = Guid.NewGuid(), pledgeId = Guid.NewGuid(), campaignId = campaign, amount = 700m, currency = "BDT",
            status = "completed", previousStatus = "captured", riskLevel = 1, source = "admin", actor = Events.AdminActor(),
        }, payment, Events.At.AddHours(4)));
        return (campaign, user, payment);
    }

    [Fact]
    public async Task the_log_lists_newest_first_with_details()
    {
        await SeedAsync();

        var (data, pagination) = await ListAsync("");

        data.EnumerateArray().Select(e => e.GetProperty("action").GetString()).ShouldBe(
            ["release_payment", "refund_payment", "suspend_user", "reject_campaign", "approve_campaign"]);
        pagination.GetProperty("total").GetInt64().ShouldBe(5);
        var approve = data[4];
        approve.GetProperty("adminId").GetGuid().ShouldBe(Events.AdminId);
        approve.GetProperty("entityType").GetString().ShouldBe("campaign");
        approve.GetProperty("details").GetProperty("before").GetProperty("status").GetString().ShouldBe("draft");
        approve.GetProperty("details").GetProperty("after").GetProperty("status").GetString().ShouldBe("active");
        approve.GetProperty("ipAddress").GetString().ShouldBe(Events.AdminAddress);
        approve.GetProperty("userAgent").GetString().ShouldBe(Events.AdminAgent);
        approve.GetProperty("createdAt").GetDateTimeOffset().ShouldBe(Events.At);
        approve.GetProperty("eventType").GetString().ShouldBe("campaign.activated");
        data[1].GetProperty("details").GetProperty("amount").GetDecimal().ShouldBe(500m);
    }

    [Fact]
    public async Task filters_narrow_the_log()
    {
        var (campaign, user, payment) = await SeedAsync();

        (await ListAsync($"?adminId={OtherAdmin}")).Data.EnumerateArray().ShouldHaveSingleItem()
            .GetProperty("entityId").GetGuid().ShouldBe(user);
        (await ListAsync("?action=reject_campaign")).Data.GetArrayLength().ShouldBe(1);
        (await ListAsync("?entityType=payment")).Data.GetArrayLength().ShouldBe(2);
        (await ListAsync($"?entityType=campaign&entityId={campaign}")).Data.EnumerateArray().ShouldHaveSingleItem()
            .GetProperty("action").GetString().ShouldBe("approve_campaign");
        (await ListAsync($"?entityId={payment}")).Data.GetArrayLength().ShouldBe(1);
        (await ListAsync($"?from={Iso(Events.At.AddHours(1))}&to={Iso(Events.At.AddHours(3))}")).Data.EnumerateArray()
            .Select(e => e.GetProperty("action").GetString()).ShouldBe(["refund_payment", "suspend_user", "reject_campaign"]);
    }

    [Fact]
    public async Task pages_do_not_overlap()
    {
        await SeedAsync();

        var (first, pagination) = await ListAsync("?page=1&limit=2");
        var (second, _) = await ListAsync("?page=2&limit=2");
        var (third, _) = await ListAsync("?page=3&limit=2");

        pagination.GetProperty("totalPages").GetInt32().ShouldBe(3);
        first.EnumerateArray().Concat(second.EnumerateArray()).Concat(third.EnumerateArray())
            .Select(e => e.GetProperty("id").GetGuid()).Distinct().Count().ShouldBe(5);
    }

    [Theory]
    [InlineData("?limit=101")]
    [InlineData("?page=0")]
    [InlineData("?action=delete_everything")]
    [InlineData("?entityType=pledge")]
    [InlineData("?from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z")]
    public async Task filters_out_of_range_are_refused(string query)
    {
        var response = await _host.SendAsync(HttpMethod.Get, "/api/admin/audit-logs" + query, _host.AdminToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("VALIDATION_ERROR");
    }
}
