using System.Net;
using System.Text.Json.Nodes;
using CareForAll.IntegrationTests.Donations;

namespace CareForAll.IntegrationTests.ReadSide;

/// <summary>
/// The admin service: every admin action lands once in the audit log (fed by the owners' events, so the route taken
/// does not matter), and nobody else gets in.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class AdminTests(PlatformFixture platform) : IDisposable
{
    private const string UserAgent = "CareForAll-AdminTests/1.0";
    private static readonly IPAddress AdminAddress = IPAddress.Parse("127.52.250.7");
    private readonly DonationDriver _driver = new(platform, subnet: 52);
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(4)).Token;

    [Fact]
    public async Task approving_through_the_admin_route_or_the_owners_route_is_audited_once_with_before_after_address_and_agent()
    {
        var organizer = await _driver.VerifiedUserAsync("audited", _ct);
        var viaAdmin = await DraftAsync(organizer);
        var viaOwner = await DraftAsync(organizer);
        var admin = await _driver.AdminAsync(_ct);
        using var client = AdminClient();

        var (status, body, _) = await Api.SendAsync(client, HttpMethod.Patch, $"/api/admin/campaigns/{viaAdmin}/approve", new { }, admin.AccessToken, _ct);
        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        (status, body, _) = await Api.SendAsync(client, HttpMethod.Patch, $"/api/campaigns/{viaOwner}/status",
            new { status = "active", reason = "Documents checked" }, admin.AccessToken, _ct);
        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());

        foreach (var campaignId in new[] { viaAdmin, viaOwner })
        {
            var entry = await SingleAuditAsync(admin, "campaign", campaignId, "approve_campaign", "campaignsdb", "campaign.activated");
            entry["adminId"]!.GetValue<string>().ShouldBe(admin.UserId.ToString());
            entry["details"]!["before"]!["status"]!.GetValue<string>().ShouldBe("draft");
            entry["details"]!["after"]!["status"]!.GetValue<string>().ShouldBe("active");
            entry["ipAddress"]!.GetValue<string>().ShouldBe(AdminAddress.ToString());
            entry["userAgent"]!.GetValue<string>().ShouldBe(UserAgent);
        }
    }

    [Fact]
    public async Task suspending_reactivating_and_refunding_through_the_admin_routes_are_each_audited_once()
    {
        var admin = await _driver.AdminAsync(_ct);
        var user = await _driver.NewUserAsync("suspended", _ct);
        using var client = AdminClient();

        var (status, body, _) = await Api.SendAsync(client, HttpMethod.Patch, $"/api/admin/users/{user.UserId}/status",
            new { status = "suspended", reason = "Reported for fraud" }, admin.AccessToken, _ct);
        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        (status, body, _) = await Api.SendAsync(client, HttpMethod.Get, "/api/auth/profile", accessToken: user.AccessToken, cancellationToken: _ct);
        status.ShouldBe(HttpStatusCode.Unauthorized, "a suspended user's live token stops working at once");
        (status, body, _) = await Api.SendAsync(client, HttpMethod.Patch, $"/api/admin/users/{user.UserId}/status",
            new { status = "active", reason = "Cleared" }, admin.AccessToken, _ct);
        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());

        var suspended = await SingleAuditAsync(admin, "user", user.UserId, "suspend_user", "identitydb", "user.suspended");
        suspended["details"]!["after"]!["status"]!.GetValue<string>().ShouldBe("suspended", StringCompareShould.IgnoreCase);
        var reactivated = await SingleAuditAsync(admin, "user", user.UserId, "reactivate_user", "identitydb", "user.reactivated");
        reactivated["details"]!["before"]!["status"]!.GetValue<string>().ShouldBe("suspended", StringCompareShould.IgnoreCase);

        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        var pledge = await _driver.GuestPledgeAsync(campaignId, 640m, _ct);
        var payment = await _driver.CompleteAsync(pledge, _ct);
        (status, body) = await PostWithKeyAsync(client, $"/api/admin/payments/{payment.Id}/refund", new { reason = "Donor asked for it back" }, admin.AccessToken);
        status.ShouldBe(HttpStatusCode.Accepted, body.ToJsonString());
        await _driver.WaitForPaymentStatusAsync(payment.Id, "refunded", _ct);

        var refund = await SingleAuditAsync(admin, "payment", payment.Id, "refund_payment", "paymentsdb", "payment.refund_requested");
        refund["details"]!["before"]!["status"]!.GetValue<string>().ShouldBe("completed");
    }

    [Fact]
    public async Task every_admin_route_refuses_a_signed_in_user_who_is_not_an_admin_and_anyone_signed_out()
    {
        var user = await _driver.NewUserAsync("not-admin", _ct);
        var someId = Guid.NewGuid();
        (HttpMethod Method, string Path)[] routes =
        [
            (HttpMethod.Get, "/api/admin/dashboard/stats"),
            (HttpMethod.Get, "/api/admin/campaigns"),
            (HttpMethod.Patch, $"/api/admin/campaigns/{someId}/approve"),
            (HttpMethod.Patch, $"/api/admin/campaigns/{someId}/reject"),
            (HttpMethod.Get, "/api/admin/users"),
            (HttpMethod.Patch, $"/api/admin/users/{someId}/status"),
            (HttpMethod.Get, "/api/admin/payments"),
            (HttpMethod.Post, $"/api/admin/payments/{someId}/refund"),
            (HttpMethod.Post, $"/api/admin/payments/{someId}/release"),
            (HttpMethod.Post, $"/api/admin/payments/{someId}/reject"),
            (HttpMethod.Get, "/api/admin/audit-logs"),
            (HttpMethod.Get, "/api/admin/notifications"),
            (HttpMethod.Patch, $"/api/admin/notifications/{someId}/read"),
            (HttpMethod.Post, "/api/admin/read-models/rebuild"),
        ];

        var client = _driver.NewClient();
        foreach (var (method, path) in routes)
        {
            var body = method == HttpMethod.Get ? null : new { reason = "trying", status = "active" };
            var (status, answer, _) = await Api.SendAsync(client, method, path, body, user.AccessToken, _ct);
            status.ShouldBe(HttpStatusCode.Forbidden, $"{method} {path}: {answer.ToJsonString()}");
            answer["success"]!.GetValue<bool>().ShouldBeFalse();
            (status, answer, _) = await Api.SendAsync(client, method, path, body, cancellationToken: _ct);
            status.ShouldBe(HttpStatusCode.Unauthorized, $"{method} {path} signed out: {answer.ToJsonString()}");
        }
    }

    [Fact]
    public async Task the_dashboard_shows_the_money_the_read_side_counted_and_every_services_outbox()
    {
        var campaignId = await _driver.ActiveCampaignAsync(_ct);
        await _driver.CompleteAsync(await _driver.GuestPledgeAsync(campaignId, 333m, _ct), _ct);
        await new ReadModels(platform, _driver).WaitForTotalsAsync(campaignId, 333m, donations: 1, _ct);
        var admin = await _driver.AdminAsync(_ct);

        var (status, body, _) = await Api.SendAsync(_driver.NewClient(), HttpMethod.Get, "/api/admin/dashboard/stats", accessToken: admin.AccessToken, cancellationToken: _ct);

        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        var data = body["data"]!.ToJsonString();
        data.ShouldContain("totalRaised");
        data.ShouldContain("outboxPending");
        data.ShouldContain("deadLetters");
        var deadLetters = body["data"]!["deadLetters"]!.AsArray();
        deadLetters.Select(d => d!["queue"]!.GetValue<string>()).ShouldContain("admin");
        deadLetters.ShouldAllBe(d => d!["available"]!.GetValue<bool>(), "every dead-letter queue was counted on the broker");
    }

    private HttpClient AdminClient()
    {
        var client = platform.CreateGatewayClient(AdminAddress);
        client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        return client;
    }

    private async Task<Guid> DraftAsync(Api.Session organizer)
    {
        var (status, body, _) = await Api.SendAsync(_driver.NewClient(), HttpMethod.Post, "/api/campaigns", new
        {
            title = "School books for Char Fasson",
            description = "Books and uniforms for forty children on the char, bought from the local market in Bhola.",
            campaignType = "education",
            goalAmount = 50_000m,
            currency = "BDT",
            endDate = DateTimeOffset.UtcNow.AddDays(20),
            beneficiaryName = "Char Fasson Primary School",
        }, organizer.AccessToken, _ct);
        status.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        return Guid.Parse(body["data"]!["id"]!.GetValue<string>());
    }

    /// <summary>
    /// The one audit entry of <paramref name="action"/>, read once the admin service has consumed every event the owner
    /// wrote for it, so a second entry would already be there.
    /// </summary>
    private async Task<JsonNode> SingleAuditAsync(
        Api.Session admin, string entityType, Guid entityId, string action, string ownerDatabase, string eventType)
    {
        var eventIds = (await platform.QueryAsync<Guid>(ownerDatabase,
            "SELECT event_id FROM outbox_messages WHERE aggregate_id = @entityId AND event_type = @eventType",
            new { entityId, eventType }, _ct)).ToArray();
        eventIds.ShouldNotBeEmpty($"the owner wrote {eventType} for {entityId}");
        await Eventually.UntilAsync(async () => await platform.ScalarAsync<long>("admindb",
                "SELECT count(*) FROM inbox_messages WHERE consumer = 'admin' AND event_id = ANY(@eventIds)", new { eventIds }, _ct) == eventIds.Length,
            DonationDriver.Deadline, $"the admin service consumed every {eventType} of {entityId}", TimeSpan.FromMilliseconds(250));

        var (status, body, _) = await Api.SendAsync(_driver.NewClient(), HttpMethod.Get,
            $"/api/admin/audit-logs?entityType={entityType}&entityId={entityId}&limit=100", accessToken: admin.AccessToken, cancellationToken: _ct);
        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        var entries = body["data"]!.AsArray().Select(e => e!).Where(e => e["action"]!.GetValue<string>() == action).ToList();
        entries.Count.ShouldBe(1, $"{action} on {entityType} {entityId} was audited once: {body.ToJsonString()}");
        return entries[0];
    }

    private async Task<(HttpStatusCode Status, JsonNode Body)> PostWithKeyAsync(HttpClient client, string path, object body, string accessToken) =>
        await DonationDriver.PostAsync(client, path, body, Guid.NewGuid().ToString(), accessToken, null, _ct);

    public void Dispose() => _driver.Dispose();
}
