using System.Net;
using System.Text.Json;

namespace CareForAll.Admin.Tests;

/// <summary>The admin workflows call the owning services as the admin and relay their answers as they are.</summary>
[Collection(PostgresGroup.Name)]
public sealed class WorkflowTests(PostgresServer server) : IAsyncLifetime
{
    private const string EndClient = "203.0.113.9";
    private const string Console = "AdminConsole/1.0";

    private static readonly Dictionary<string, string> ClientHeaders = new()
    {
        ["X-Forwarded-For"] = $"{EndClient}, 10.0.0.5",
        ["User-Agent"] = Console,
    };

    private const string CampaignConflict = """
        {"success":false,"error":{"code":"INVALID_STATUS_TRANSITION","message":"A campaign cannot move from active to active at your request.","details":{"from":"active","to":"active","allowed":["completed","cancelled"]}},"meta":{"timestamp":"2026-11-20T10:16:30Z","requestId":"r-42"}}
        """;

    private AdminHost _host = null!;

    public async Task InitializeAsync() => _host = await AdminHost.StartAsync(await AdminDatabase.CreateAsync(server));

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _host.Database.DisposeAsync();
    }

    private Task<HttpResponseMessage> AsAdminAsync(HttpMethod method, string path, object? body = null, Dictionary<string, string>? extra = null)
    {
        var headers = new Dictionary<string, string>(ClientHeaders);
        foreach (var (name, value) in extra ?? [])
        {
            headers[name] = value;
        }

        return _host.SendAsync(method, path, _host.AdminToken, body, headers);
    }

    private static void ShouldCarryTheAdmin(OwnerRequest request, string token)
    {
        request.Header("Authorization").ShouldBe($"Bearer {token}");
        request.Header("X-Forwarded-For").ShouldBe(EndClient);
        request.Header("User-Agent").ShouldBe(Console);
    }

    private static JsonElement Body(OwnerRequest request)
    {
        using var document = JsonDocument.Parse(request.Body!);
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task approving_asks_campaigns_to_activate_as_the_admin_and_relays_its_answer()
    {
        var id = Guid.NewGuid();
        _host.Owners.AnswerData("PATCH", "campaigns", $"/api/campaigns/{id}/status", $$"""{"id":"{{id}}","status":"active"}""");

        var response = await AsAdminAsync(HttpMethod.Patch, $"/api/admin/campaigns/{id}/approve");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain($$"""{"id":"{{id}}","status":"active"}""");
        var sent = _host.Owners.To("campaigns").ShouldHaveSingleItem();
        sent.Method.ShouldBe("PATCH");
        sent.Path.ShouldBe($"/api/campaigns/{id}/status");
        Body(sent).GetProperty("status").GetString().ShouldBe("active");
        ShouldCarryTheAdmin(sent, _host.AdminToken);
    }

    [Fact]
    public async Task the_owners_refusal_reaches_the_admin_unchanged()
    {
        var id = Guid.NewGuid();
        _host.Owners.Answer("PATCH", "campaigns", $"/api/campaigns/{id}/status", 409, CampaignConflict.Trim());

        var response = await AsAdminAsync(HttpMethod.Patch, $"/api/admin/campaigns/{id}/approve");

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync()).ShouldBe(CampaignConflict.Trim());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
    }

    [Fact]
    public async Task rejecting_a_campaign_cancels_it_with_the_reason()
    {
        var id = Guid.NewGuid();
        _host.Owners.AnswerData("PATCH", "campaigns", $"/api/campaigns/{id}/status", """{"status":"cancelled"}""");

        var response = await AsAdminAsync(HttpMethod.Patch, $"/api/admin/campaigns/{id}/reject", new { reason = "Documents do not match" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var sent = Body(_host.Owners.To("campaigns").ShouldHaveSingleItem());
        sent.GetProperty("status").GetString().ShouldBe("cancelled");
        sent.GetProperty("reason").GetString().ShouldBe("Documents do not match");
    }

    [Theory]
    [InlineData("suspended", "suspend")]
    [InlineData("SUSPENDED", "suspend")]
    [InlineData("active", "reactivate")]
    public async Task a_user_status_change_goes_to_identitys_suspend_or_reactivate(string status, string move)
    {
        var id = Guid.NewGuid();
        _host.Owners.AnswerData("POST", "identity", $"/internal/users/{id}/{move}", $$"""{"userId":"{{id}}"}""");

        var response = await AsAdminAsync(HttpMethod.Patch, $"/api/admin/users/{id}/status", new { status, reason = "Fraud reports" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var sent = _host.Owners.To("identity").ShouldHaveSingleItem();
        sent.Path.ShouldBe($"/internal/users/{id}/{move}");
        Body(sent).GetProperty("reason").GetString().ShouldBe("Fraud reports");
        ShouldCarryTheAdmin(sent, _host.AdminToken);
    }

    [Fact]
    public async Task an_unknown_user_status_is_refused_before_identity_is_asked()
    {
        var response = await AsAdminAsync(HttpMethod.Patch, $"/api/admin/users/{Guid.NewGuid()}/status", new { status = "banned" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("VALIDATION_ERROR");
        _host.Owners.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_refund_carries_the_idempotency_key_and_the_replay_mark_comes_back()
    {
        var id = Guid.NewGuid();
        _host.Owners.Answer("POST", "payments", $"/api/payments/{id}/refund", 202,
            """{"success":true,"data":{"status":"processing"},"meta":{"timestamp":"2026-11-20T10:16:30Z","requestId":"r-7"}}""",
            new Dictionary<string, string> { ["Idempotent-Replayed"] = "true" });

        var response = await AsAdminAsync(HttpMethod.Post, $"/api/admin/payments/{id}/refund", new { reason = "Donor asked" },
            new Dictionary<string, string> { ["Idempotency-Key"] = "refund-key-1" });

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        response.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        var sent = _host.Owners.To("payments").ShouldHaveSingleItem();
        sent.Header("Idempotency-Key").ShouldBe("refund-key-1");
        Body(sent).GetProperty("reason").GetString().ShouldBe("Donor asked");
        ShouldCarryTheAdmin(sent, _host.AdminToken);
    }

    [Fact]
    public async Task a_refund_without_a_key_gets_the_owners_answer_about_it()
    {
        var id = Guid.NewGuid();
        const string missingKey = """{"success":false,"error":{"code":"IDEMPOTENCY_KEY_REQUIRED","message":"An Idempotency-Key header is required.","details":null},"meta":{"timestamp":"2026-11-20T10:16:30Z","requestId":"r-8"}}""";
        _host.Owners.Answer("POST", "payments", $"/api/payments/{id}/refund", 400, missingKey);

        var response = await AsAdminAsync(HttpMethod.Post, $"/api/admin/payments/{id}/refund", new { reason = "Donor asked" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldBe(missingKey);
        _host.Owners.To("payments").ShouldHaveSingleItem().Header("Idempotency-Key").ShouldBeNull();
    }

    [Theory]
    [InlineData("release")]
    [InlineData("reject")]
    public async Task releasing_and_rejecting_a_held_payment_go_to_payments_with_the_key(string move)
    {
        var id = Guid.NewGuid();
        _host.Owners.AnswerData("POST", "payments", $"/api/payments/{id}/{move}", """{"status":"completed"}""");

        var response = await AsAdminAsync(HttpMethod.Post, $"/api/admin/payments/{id}/{move}", new { reason = "Checked" },
            new Dictionary<string, string> { ["X-Idempotency-Key"] = $"{move}-key" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var sent = _host.Owners.To("payments").ShouldHaveSingleItem();
        sent.Path.ShouldBe($"/api/payments/{id}/{move}");
        sent.Header("X-Idempotency-Key").ShouldBe($"{move}-key");
        Body(sent).GetProperty("reason").GetString().ShouldBe("Checked");
    }

    [Fact]
    public async Task a_bare_release_needs_no_body()
    {
        var id = Guid.NewGuid();
        _host.Owners.AnswerData("POST", "payments", $"/api/payments/{id}/release", """{"status":"completed"}""");

        var response = await _host.SendAsync(HttpMethod.Post, $"/api/admin/payments/{id}/release", _host.AdminToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        _host.Owners.To("payments").ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("/api/admin/users?page=2&limit=5&search=rahim%20uddin&status=suspended&role=USER&bogus=1", "identity", "/internal/users",
        "?page=2&limit=5&search=rahim%20uddin&status=suspended&role=USER")]
    [InlineData("/api/admin/campaigns?status=draft&page=1&other=x", "campaigns", "/internal/campaigns", "?page=1&status=draft")]
    [InlineData("/api/admin/payments?held=true&limit=50", "payments", "/internal/payments", "?limit=50&held=true")]
    [InlineData("/api/admin/payments", "payments", "/internal/payments", "")]
    public async Task lists_pass_their_filters_to_the_owner(string path, string service, string ownerPath, string ownerQuery)
    {
        const string page = """{"success":true,"data":[],"pagination":{"page":1,"limit":20,"total":0,"totalPages":0},"meta":{"timestamp":"2026-11-20T10:16:30Z","requestId":"r-9"}}""";
        _host.Owners.Answer("GET", service, ownerPath, 200, page);

        var response = await AsAdminAsync(HttpMethod.Get, path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe(page);
        var sent = _host.Owners.To(service).ShouldHaveSingleItem();
        sent.Path.ShouldBe(ownerPath);
        sent.Query.ShouldBe(ownerQuery);
        ShouldCarryTheAdmin(sent, _host.AdminToken);
    }

    [Fact]
    public async Task an_owner_that_is_down_is_a_503_and_a_money_move_is_not_retried()
    {
        _host.Owners.Down("payments");

        var response = await AsAdminAsync(HttpMethod.Post, $"/api/admin/payments/{Guid.NewGuid()}/refund", new { reason = "Donor asked" },
            new Dictionary<string, string> { ["Idempotency-Key"] = "k-down" });

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("success").GetBoolean().ShouldBeFalse();
        body.RootElement.GetProperty("error").GetProperty("code").GetString().ShouldBe("PAYMENTS_UNAVAILABLE");
        _host.Owners.To("payments").Count().ShouldBe(1);
    }

    [Fact]
    public async Task a_bare_error_from_the_owner_gets_an_envelope_with_its_status()
    {
        var id = Guid.NewGuid();
        _host.Owners.Answer("PATCH", "campaigns", $"/api/campaigns/{id}/status", 502, json: null);

        var response = await AsAdminAsync(HttpMethod.Patch, $"/api/admin/campaigns/{id}/approve");

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("error").GetProperty("code").GetString().ShouldBe("BAD_GATEWAY");
    }

    [Fact]
    public async Task a_rebuild_asks_the_query_service_and_relays_the_counts()
    {
        _host.Owners.AnswerData("POST", "query", "/internal/read-models/rebuild", """{"campaigns":12,"pledges":340}""");

        var response = await _host.SendAsync(HttpMethod.Post, "/api/admin/read-models/rebuild", _host.AdminToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("""{"campaigns":12,"pledges":340}""");
        _host.Owners.To("query").ShouldHaveSingleItem().Header("Authorization").ShouldBe($"Bearer {_host.AdminToken}");
    }
}
