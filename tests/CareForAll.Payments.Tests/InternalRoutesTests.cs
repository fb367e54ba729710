using System.Net;
using System.Text.Json;
using CareForAll.Payments.Data;
using CareForAll.Payments.Refunds;
using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;
using Dapper;

namespace CareForAll.Payments.Tests;

/// <summary>The admin service's routes into payments: the payment list and the dashboard's counts.</summary>
[Collection(PostgresGroup.Name)]
public sealed class InternalRoutesTests(PostgresServer server) : IAsyncLifetime
{
    private TestPayments _payments = null!;
    private PaymentsHost _host = null!;
    private string _admin = "";

    public async Task InitializeAsync()
    {
        _payments = await TestPayments.CreateAsync(server);
        _host = await PaymentsHost.StartAsync(_payments);
        _admin = _host.Token(Guid.NewGuid(), "ADMIN");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _payments.DisposeAsync();
    }

    /// <summary>Eight payments, oldest first, one a few minutes apart: every status, two held, one captured but not held.</summary>
    private async Task<IReadOnlyList<PaymentRecord>> SeedAsync()
    {
        (string Status, int? Risk)[] shapes =
        [
            ("pending", null), ("completed", 0), ("captured", 1), ("captured", 0),
            ("failed", null), ("refunded", 0), ("captured", 1), ("completed", 0),
        ];
        var seeded = new List<PaymentRecord>();
        for (var i = 0; i < shapes.Length; i++)
        {
            seeded.Add(await _payments.SeedPaymentAsync(100m + i, status: shapes[i].Status, age: TimeSpan.FromMinutes(60 - (i * 5)),
                bankTranId: "BANK" + i, riskLevel: shapes[i].Risk));
        }

        await using var connection = await _payments.Database.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "UPDATE payments.payments SET completed_at = created_at + interval '1 minute', payment_method = 'bkash' WHERE id = @Id",
            new { seeded[7].Id });
        await connection.ExecuteAsync(
            "UPDATE payments.payments SET refunded_at = created_at + interval '2 minutes' WHERE id = @Id", new { seeded[5].Id });
        return seeded;
    }

    private async Task<JsonElement> BodyAsync(string path)
    {
        var response = await _host.GetAsync(path, bearer: _admin);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private async Task<List<Guid>> IdsAsync(string path) =>
        [.. (await BodyAsync(path)).GetProperty("data").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

    [Theory]
    [InlineData("/internal/payments")]
    [InlineData("/internal/payments/stats")]
    public async Task only_an_admin_reads_them(string path)
    {
        (await _host.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _host.GetAsync(path, bearer: _host.Token(Guid.NewGuid()))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _host.GetAsync(path, bearer: _admin)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task payments_come_newest_first_a_page_at_a_time()
    {
        var p = await SeedAsync();

        var first = await BodyAsync("/internal/payments?limit=3");
        var last = await IdsAsync("/internal/payments?limit=3&page=3");

        first.GetProperty("data").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldBe([p[7].Id, p[6].Id, p[5].Id]);
        var pagination = first.GetProperty("pagination");
        pagination.GetProperty("page").GetInt32().ShouldBe(1);
        pagination.GetProperty("limit").GetInt32().ShouldBe(3);
        pagination.GetProperty("total").GetInt64().ShouldBe(8);
        pagination.GetProperty("totalPages").GetInt32().ShouldBe(3);
        last.ShouldBe([p[1].Id, p[0].Id]);
        (await IdsAsync("/internal/payments")).ShouldBe([.. p.Reverse().Select(x => x.Id)]);
    }

    [Fact]
    public async Task payments_filter_by_status_and_by_being_held()
    {
        var p = await SeedAsync();

        (await IdsAsync("/internal/payments?status=captured")).ShouldBe([p[6].Id, p[3].Id, p[2].Id]);
        (await IdsAsync("/internal/payments?held=true")).ShouldBe([p[6].Id, p[2].Id]);
        (await IdsAsync("/internal/payments?held=false")).ShouldBe([p[7].Id, p[5].Id, p[4].Id, p[3].Id, p[1].Id, p[0].Id]);
        (await IdsAsync("/internal/payments?status=captured&held=false")).ShouldBe([p[3].Id]);
        (await IdsAsync("/internal/payments?status=completed&held=true")).ShouldBeEmpty();
        (await BodyAsync("/internal/payments?held=true&limit=1")).GetProperty("pagination").GetProperty("total").GetInt64().ShouldBe(2);
    }

    [Fact]
    public async Task an_item_carries_what_an_admin_acts_on()
    {
        var p = await SeedAsync();

        var items = (await BodyAsync("/internal/payments")).GetProperty("data").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetGuid());

        var held = items[p[6].Id];
        held.GetProperty("pledgeId").GetGuid().ShouldBe(p[6].PledgeId);
        held.GetProperty("campaignId").GetGuid().ShouldBe(p[6].CampaignId);
        held.GetProperty("tranId").GetString().ShouldBe(p[6].TranId);
        held.GetProperty("amount").GetDecimal().ShouldBe(106m);
        held.GetProperty("currency").GetString().ShouldBe("BDT");
        held.GetProperty("status").GetString().ShouldBe("captured");
        held.GetProperty("riskLevel").GetInt32().ShouldBe(1);
        held.GetProperty("held").GetBoolean().ShouldBeTrue();
        held.GetProperty("createdAt").GetDateTimeOffset().ShouldBe(_payments.Clock.Now - TimeSpan.FromMinutes(30));
        held.GetProperty("completedAt").ValueKind.ShouldBe(JsonValueKind.Null);
        items[p[3].Id].GetProperty("held").GetBoolean().ShouldBeFalse();
        items[p[0].Id].GetProperty("riskLevel").ValueKind.ShouldBe(JsonValueKind.Null);
        items[p[7].Id].GetProperty("completedAt").GetDateTimeOffset().ShouldBe(_payments.Clock.Now + TimeSpan.FromMinutes(1) - TimeSpan.FromMinutes(25));
        items[p[7].Id].GetProperty("paymentMethod").GetString().ShouldBe("bkash");
        items[p[5].Id].GetProperty("refundedAt").GetDateTimeOffset().ShouldBe(_payments.Clock.Now + TimeSpan.FromMinutes(2) - TimeSpan.FromMinutes(35));
        foreach (var item in items.Values)
        {
            item.TryGetProperty("donorEmail", out _).ShouldBeFalse();
            item.TryGetProperty("valId", out _).ShouldBeFalse();
        }
    }

    [Theory]
    [InlineData("?status=paid")]
    [InlineData("?limit=0")]
    [InlineData("?limit=101")]
    [InlineData("?page=0")]
    [InlineData("?held=maybe")]
    public async Task a_bad_filter_is_refused(string query) =>
        (await _host.GetAsync("/internal/payments" + query, bearer: _admin)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

    [Fact]
    public async Task the_stats_count_every_status_the_held_and_the_refunds_waiting()
    {
        var p = await SeedAsync();
        var admin = new Actor(Guid.NewGuid(), "203.0.113.9", "admin-browser", "ADMIN");
        // One refund the gateway took (processing), one whose answer was lost (still requested).
        await _payments.Refunds().StartAsync(p[7].Id, RefundKind.Refund, "donor asked", null, admin, CancellationToken.None);
        _payments.Gateway.Down = true;
        await Should.ThrowAsync<ApiException>(() =>
            _payments.Refunds().StartAsync(p[1].Id, RefundKind.Refund, "donor asked", null, admin, CancellationToken.None));

        var stats = (await BodyAsync("/internal/payments/stats")).GetProperty("data");

        var byStatus = stats.GetProperty("byStatus").EnumerateObject().ToDictionary(s => s.Name, s => s.Value.GetInt64());
        byStatus.ShouldBe(new Dictionary<string, long>
        {
            ["pending"] = 1,
            ["authorized"] = 0,
            ["captured"] = 3,
            ["completed"] = 2,
            ["failed"] = 1,
            ["refunded"] = 1,
        }, ignoreOrder: true);
        stats.GetProperty("held").GetInt64().ShouldBe(2);
        stats.GetProperty("refundsAwaitingAnswer").GetInt64().ShouldBe(1);
        stats.GetProperty("refundsProcessing").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task the_stats_of_no_payments_are_zeros()
    {
        var stats = (await BodyAsync("/internal/payments/stats")).GetProperty("data");

        stats.GetProperty("byStatus").EnumerateObject().Select(s => s.Name)
            .ShouldBe(["pending", "authorized", "captured", "completed", "failed", "refunded"]);
        stats.GetProperty("byStatus").EnumerateObject().ShouldAllBe(s => s.Value.GetInt64() == 0);
        stats.GetProperty("held").GetInt64().ShouldBe(0);
        stats.GetProperty("refundsAwaitingAnswer").GetInt64().ShouldBe(0);
        stats.GetProperty("refundsProcessing").GetInt64().ShouldBe(0);
    }
}
