using System.Net;
using System.Text.Json;
using CareForAll.BuildingBlocks.Messaging;
using CareForAll.Pledges.Domain;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ApplyPaymentEvent = CareForAll.Pledges.Features.Payments.ApplyPaymentEvent;

namespace CareForAll.Pledges.Tests;

[Collection(PostgresGroup.Name)]
public sealed class SnapshotTests(PostgresServer server) : IAsyncLifetime, IDisposable
{
    private const int ExtraCompleted = 20;

    private readonly TestMeterFactory _meters = new();
    private readonly FixedClock _clock = FixedClock.At("2026-11-25T10:00:00Z");
    private NpgsqlDataSource _database = null!;
    private PledgesHost _host = null!;
    private string _admin = "";

    public async Task InitializeAsync()
    {
        _database = await PledgesDatabase.CreateAsync(server);
        _host = await PledgesHost.StartAsync(_database);
        _admin = _host.Token(Guid.NewGuid(), "ADMIN");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    public void Dispose() => _meters.Dispose();

    /// <summary>Pledges in every status, each walked there by the payment events the way the consumer applies them.</summary>
    private sealed record Scenario(
        Guid Completed, Guid RefundedAfterCompleting, Guid RejectedWhileHeld, Guid RefundOvertookCompletion, Guid LateSuccess,
        Guid Anonymous, IReadOnlyList<Guid> Counted, IReadOnlyList<Guid> NotCounted);

    private async Task DeliverAsync(Guid pledgeId, Guid paymentId, string eventType, long paymentVersion)
    {
        _clock.Advance(TimeSpan.FromMinutes(1));
        var data = new ApplyPaymentEvent.PaymentEventData
        {
            PaymentId = paymentId,
            PledgeId = pledgeId,
            TranId = "CFA" + paymentId.ToString("N")[..20],
            Status = eventType["payment.".Length..],
        };
        var envelope = new IntegrationEvent(Guid.CreateVersion7(), eventType, _clock.Now, paymentId, paymentVersion,
            JsonSerializer.SerializeToElement(data, MessagingJson.Options));
        var handler = new ApplyPaymentEvent.Handler(_clock, new PledgeMetrics(_meters), NullLogger<ApplyPaymentEvent.Handler>.Instance);
        await using var connection = await _database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await handler.HandleAsync(new EventContext<ApplyPaymentEvent.PaymentEventData>(envelope, data, connection, transaction), default);
        await transaction.CommitAsync();
    }

    private async Task<Guid> PledgeWalkedThroughAsync(bool anonymous = false, params (string EventType, long Version)[] events)
    {
        var pledge = await PledgeStore.CreateAsync(_database, anonymous: anonymous, name: "Ann Donor", at: _clock.Now);
        var paymentId = Guid.CreateVersion7();
        foreach (var (eventType, version) in events)
        {
            await DeliverAsync(pledge.Id, paymentId, eventType, version);
        }

        return pledge.Id;
    }

    private async Task<Scenario> ArrangeAsync()
    {
        var completed = await PledgeWalkedThroughAsync(false, ("payment.initiated", 1), ("payment.captured", 3), ("payment.completed", 4));
        var refundedAfterCompleting = await PledgeWalkedThroughAsync(false,
            ("payment.initiated", 1), ("payment.completed", 4), ("payment.refunded", 5));
        // A risk-held payment (captured, never completed) rejected by an admin: it never counted.
        var rejectedWhileHeld = await PledgeWalkedThroughAsync(false,
            ("payment.initiated", 1), ("payment.captured", 3), ("payment.refunded", 5));
        // The refund arrives before the completion, which is then stale: pledge.completed was never emitted.
        var refundOvertookCompletion = await PledgeWalkedThroughAsync(false,
            ("payment.initiated", 1), ("payment.refunded", 5), ("payment.completed", 4));
        var lateSuccess = await PledgeWalkedThroughAsync(false, ("payment.initiated", 1), ("payment.failed", 2), ("payment.completed", 4));
        var anonymous = await PledgeWalkedThroughAsync(true, ("payment.initiated", 1), ("payment.completed", 4));

        List<Guid> notCounted =
        [
            await PledgeWalkedThroughAsync(),
            await PledgeWalkedThroughAsync(false, ("payment.initiated", 1)),
            await PledgeWalkedThroughAsync(false, ("payment.initiated", 1), ("payment.captured", 3)),
            await PledgeWalkedThroughAsync(false, ("payment.initiated", 1), ("payment.failed", 2)),
        ];

        List<Guid> counted = [completed, refundedAfterCompleting, rejectedWhileHeld, refundOvertookCompletion, lateSuccess, anonymous];
        for (var i = 0; i < ExtraCompleted; i++)
        {
            counted.Add(await PledgeWalkedThroughAsync(false, ("payment.initiated", 1), ("payment.completed", 2)));
        }

        return new Scenario(completed, refundedAfterCompleting, rejectedWhileHeld, refundOvertookCompletion, lateSuccess, anonymous,
            counted, notCounted);
    }

    private async Task<(List<JsonElement> Items, Guid? Next)> PageAsync(string query)
    {
        var response = await _host.GetAsync("/internal/pledges/snapshot" + query, _admin);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        document.RootElement.GetProperty("success").GetBoolean().ShouldBeTrue();
        var next = document.RootElement.GetProperty("meta").GetProperty("next");
        return ([.. document.RootElement.GetProperty("data").EnumerateArray().Select(e => e.Clone())],
            next.ValueKind == JsonValueKind.Null ? null : next.GetGuid());
    }

    private async Task<List<List<JsonElement>>> WalkAsync(int limit)
    {
        var pages = new List<List<JsonElement>>();
        Guid? after = null;
        do
        {
            var (items, next) = await PageAsync($"?limit={limit}" + (after is { } a ? $"&after={a}" : ""));
            pages.Add(items);
            if (next is not null)
            {
                next.ShouldBe(items[^1].GetProperty("pledgeId").GetGuid(), "the cursor is the page's last id");
            }

            after = next;
        }
        while (after is not null && pages.Count < 100);

        return pages;
    }

    [Theory]
    [InlineData(7, new[] { 7, 7, 7, 5 })]
    [InlineData(13, new[] { 13, 13 })]
    [InlineData(26, new[] { 26 })]
    [InlineData(1000, new[] { 26 })]
    public async Task the_walk_returns_every_counted_pledge_exactly_once_in_id_order(int limit, int[] pageSizes)
    {
        var scenario = await ArrangeAsync();
        scenario.Counted.Count.ShouldBe(26);

        var pages = await WalkAsync(limit);

        pages.Select(p => p.Count).ShouldBe(pageSizes);
        var ids = pages.SelectMany(p => p).Select(i => i.GetProperty("pledgeId").GetGuid()).ToList();
        ids.ShouldBe(ids.Distinct().ToList());
        ids.ShouldBe(scenario.Counted, ignoreOrder: true);
        ids.ShouldNotContain(id => scenario.NotCounted.Contains(id));
        await using var connection = await _database.OpenConnectionAsync();
        var inDatabaseOrder = (await connection.QueryAsync<Guid>(
            "SELECT id FROM pledges.pledges WHERE status IN ('completed', 'refunded') ORDER BY id")).ToList();
        ids.ShouldBe(inDatabaseOrder);
    }

    [Fact]
    public async Task without_a_limit_a_page_holds_up_to_500_and_the_last_page_has_no_cursor()
    {
        var scenario = await ArrangeAsync();

        var (items, next) = await PageAsync("");

        items.Count.ShouldBe(scenario.Counted.Count);
        next.ShouldBeNull();
        var (after, afterNext) = await PageAsync($"?after={items[^1].GetProperty("pledgeId").GetGuid()}");
        after.ShouldBeEmpty();
        afterNext.ShouldBeNull();
    }

    [Fact]
    public async Task was_completed_says_whether_the_pledge_was_ever_counted()
    {
        var scenario = await ArrangeAsync();

        var items = (await WalkAsync(1000)).SelectMany(p => p).ToDictionary(i => i.GetProperty("pledgeId").GetGuid());

        Item(items, scenario.Completed, "completed", "payment_initiated", wasCompleted: true);
        Item(items, scenario.RefundedAfterCompleting, "refunded", "completed", wasCompleted: true);
        Item(items, scenario.RejectedWhileHeld, "refunded", "payment_initiated", wasCompleted: false);
        Item(items, scenario.RefundOvertookCompletion, "refunded", "payment_initiated", wasCompleted: false);
        Item(items, scenario.LateSuccess, "completed", "failed", wasCompleted: true);
        items[scenario.RejectedWhileHeld].GetProperty("completedAt").ValueKind.ShouldBe(JsonValueKind.Null);
        items[scenario.RefundedAfterCompleting].GetProperty("completedAt").ValueKind.ShouldBe(JsonValueKind.String);
    }

    [Fact]
    public async Task each_item_is_the_newest_event_of_its_pledge_with_its_version()
    {
        var scenario = await ArrangeAsync();

        var items = (await WalkAsync(1000)).SelectMany(p => p).ToList();

        items.Count.ShouldBe(scenario.Counted.Count);
        foreach (var item in items)
        {
            var pledgeId = item.GetProperty("pledgeId").GetGuid();
            var events = await PledgeStore.EventsAsync(_database, pledgeId);
            var newest = events[^1];
            newest.EventType.ShouldBe("pledge." + item.GetProperty("status").GetString());
            item.GetProperty("version").GetInt64().ShouldBe(newest.AggregateVersion);
            item.GetProperty("previousStatus").GetString().ShouldBe(newest.Text("previousStatus"));
            item.GetProperty("occurredAt").GetDateTimeOffset().ShouldBe(newest.Data.GetProperty("occurredAt").GetDateTimeOffset());
            item.GetProperty("wasCompleted").GetBoolean().ShouldBe(events.Any(e => e.EventType == "pledge.completed"));
            foreach (var field in new[] { "campaignId", "donorEmail", "amount", "currency", "isAnonymous", "paymentId", "tranId", "message" })
            {
                item.GetProperty(field).ToString().ShouldBe(newest.Data.GetProperty(field).ToString(), field);
            }
        }

        var anonymous = items.Single(i => i.GetProperty("pledgeId").GetGuid() == scenario.Anonymous);
        anonymous.GetProperty("isAnonymous").GetBoolean().ShouldBeTrue();
        anonymous.GetProperty("donorName").ValueKind.ShouldBe(JsonValueKind.Null);
        items.Single(i => i.GetProperty("pledgeId").GetGuid() == scenario.Completed).GetProperty("donorName").GetString().ShouldBe("Ann Donor");
    }

    [Fact]
    public async Task only_an_admin_takes_a_snapshot()
    {
        (await _host.GetAsync("/internal/pledges/snapshot")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _host.GetAsync("/internal/pledges/snapshot", _host.Token(Guid.NewGuid()))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _host.GetAsync("/internal/pledges/snapshot", _admin)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=1001")]
    [InlineData("?after=not-a-uuid")]
    public async Task a_limit_outside_1_to_1000_or_a_bad_cursor_is_refused(string query) =>
        (await _host.GetAsync("/internal/pledges/snapshot" + query, _admin)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

    private static void Item(Dictionary<Guid, JsonElement> items, Guid pledgeId, string status, string previousStatus, bool wasCompleted)
    {
        var item = items[pledgeId];
        item.GetProperty("status").GetString().ShouldBe(status);
        item.GetProperty("previousStatus").GetString().ShouldBe(previousStatus);
        item.GetProperty("wasCompleted").GetBoolean().ShouldBe(wasCompleted);
    }
}
