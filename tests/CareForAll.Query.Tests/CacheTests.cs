using CareForAll.Query.Caching;
using CareForAll.Query.Data;

namespace CareForAll.Query.Tests;

/// <summary>Each replica's memory: filled on a miss, replaced by pub/sub messages, never kept stale.</summary>
public sealed class CacheTests
{
    private static readonly Guid Campaign = Guid.NewGuid();

    private static TotalsView View(long version, decimal raised, string status = "active") => new()
    {
        CampaignId = Campaign,
        Title = "Heart surgery for Rahim",
        Status = status,
        RaisedAmount = raised,
        Currency = "BDT",
        DonorCount = 1,
        DonationCount = 1,
        ProgressPercentage = 0m,
        Version = version,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    private static byte[] Message(TotalsView view) => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(view, QueryJson.Options);

    /// <summary>A loader the test holds between its read and its return, as a slow database would.</summary>
    private sealed class HeldLoader
    {
        public TaskCompletionSource<TotalsView?> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Calls;

        public Task<TotalsView?> LoadAsync(Guid id, CancellationToken ct)
        {
            Interlocked.Increment(ref Calls);
            Started.TrySetResult();
            return Result.Task;
        }
    }

    private static (TotalsCache Cache, ReadModelSignals Signals) Replica(Func<Guid, CancellationToken, Task<TotalsView?>> load)
    {
        var cache = new TotalsCache(load, TestMeters.Metrics);
        var signals = new ReadModelSignals(cache, new StatsCache(TestMeters.Metrics), new LiveTotalsHub(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ReadModelSignals>.Instance);
        signals.Trust();
        return (cache, signals);
    }

    [Fact]
    public async Task a_fill_that_read_an_older_row_than_a_message_already_delivered_is_not_kept()
    {
        var loader = new HeldLoader();
        var (cache, signals) = Replica(loader.LoadAsync);

        var fill = cache.GetAsync(Campaign, CancellationToken.None).AsTask();
        await loader.Started.Task;
        // The database answered version 5; before the answer is stored, version 6 arrives by pub/sub.
        signals.OnTotals(Message(View(6, 600m)));
        loader.Result.SetResult(View(5, 500m));
        (await fill).Version.ShouldBe(5);

        var served = await cache.GetAsync(Campaign, CancellationToken.None);
        served.Version.ShouldBe(6);
        served.View!.RaisedAmount.ShouldBe(600m);
        loader.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task a_fill_that_started_before_the_memory_was_dropped_is_not_kept()
    {
        var loader = new HeldLoader();
        var (cache, signals) = Replica(loader.LoadAsync);

        var fill = cache.GetAsync(Campaign, CancellationToken.None).AsTask();
        await loader.Started.Task;
        signals.OnChanged(ReadModelSignals.Reset);
        loader.Result.SetResult(View(9, 900m));
        await fill;

        cache.TryPeek(Campaign, out _).ShouldBeFalse("a fill from before the reset was kept");
    }

    [Fact]
    public async Task a_message_replaces_an_older_copy_and_an_older_message_never_replaces_a_newer_one()
    {
        var loads = 0;
        var (cache, signals) = Replica((_, _) =>
        {
            Interlocked.Increment(ref loads);
            return Task.FromResult<TotalsView?>(View(3, 300m));
        });

        (await cache.GetAsync(Campaign, CancellationToken.None)).Version.ShouldBe(3);
        signals.OnTotals(Message(View(7, 700m)));
        signals.OnTotals(Message(View(4, 400m)));

        var served = await cache.GetAsync(Campaign, CancellationToken.None);
        (served.Version, served.View!.RaisedAmount).ShouldBe((7L, 700m));
        loads.ShouldBe(1);
        // The body served is the message's bytes, as sent.
        System.Text.Json.JsonDocument.Parse(served.Body!.Utf8).RootElement.GetProperty("raisedAmount").GetDecimal().ShouldBe(700m);
    }

    [Fact]
    public async Task while_the_channel_is_not_trusted_every_read_goes_to_the_database_and_nothing_is_kept()
    {
        var loads = 0;
        var (cache, signals) = Replica((_, _) =>
        {
            Interlocked.Increment(ref loads);
            return Task.FromResult<TotalsView?>(View(3, 300m));
        });
        signals.Distrust();

        await cache.GetAsync(Campaign, CancellationToken.None);
        await cache.GetAsync(Campaign, CancellationToken.None);

        loads.ShouldBe(2);
        cache.Count.ShouldBe(0);

        signals.Trust();
        await cache.GetAsync(Campaign, CancellationToken.None);
        await cache.GetAsync(Campaign, CancellationToken.None);
        loads.ShouldBe(3);
    }

    [Fact]
    public async Task an_unknown_campaign_is_not_kept_in_memory_and_a_message_makes_it_known()
    {
        var loads = 0;
        var (cache, signals) = Replica((_, _) =>
        {
            Interlocked.Increment(ref loads);
            return Task.FromResult<TotalsView?>(null);
        });

        (await cache.GetAsync(Campaign, CancellationToken.None)).IsVisible.ShouldBeFalse();
        (await cache.GetAsync(Campaign, CancellationToken.None)).IsVisible.ShouldBeFalse();
        // Random ids must not fill the memory.
        loads.ShouldBe(2);
        cache.Count.ShouldBe(0);

        signals.OnTotals(Message(View(1, 0m)));
        (await cache.GetAsync(Campaign, CancellationToken.None)).IsVisible.ShouldBeTrue();
        loads.ShouldBe(2);

        signals.OnTotals(Message(View(2, 0m, status: "draft")));
        (await cache.GetAsync(Campaign, CancellationToken.None)).IsVisible.ShouldBeFalse();
    }

    [Fact]
    public async Task statistics_computed_before_a_change_are_not_kept_after_it()
    {
        var stats = new StatsCache(TestMeters.Metrics);
        stats.Trust();
        var computing = new TaskCompletionSource<RawJson>(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var stale = stats.GetOrComputeAsync("platform", _ =>
        {
            started.TrySetResult();
            return computing.Task;
        }, CancellationToken.None).AsTask();
        await started.Task;
        stats.Invalidate();
        computing.SetResult(new RawJson("1"u8.ToArray()));
        await stale;

        var computed = 0;
        var fresh = await stats.GetOrComputeAsync("platform", _ =>
        {
            computed++;
            return Task.FromResult(new RawJson("2"u8.ToArray()));
        }, CancellationToken.None);
        fresh.Utf8.ToArray().ShouldBe("2"u8.ToArray());
        computed.ShouldBe(1);

        // Now kept until the next change.
        await stats.GetOrComputeAsync("platform", _ => throw new InvalidOperationException("should be served from memory"), CancellationToken.None);
    }
}

[Collection(PostgresGroup.Name)]
public sealed class ReplicaTests(PostgresServer server)
{
    [Fact]
    public async Task a_donation_applied_anywhere_reaches_every_replicas_memory_and_warm_reads_skip_the_database()
    {
        await using var db = await QueryDatabase.CreateAsync(server);
        var side = new ReadSide(db);
        var campaign = Guid.NewGuid();
        await side.CampaignAsync(campaign, version: 2);
        await side.SettleAsync();

        var loads = 0;
        var first = side.Replica((id, ct) =>
        {
            Interlocked.Increment(ref loads);
            return TotalsSql.FindAsync(db.DataSource, id, ct);
        });
        var second = side.Replica();
        (await first.Totals.GetAsync(campaign, CancellationToken.None)).View!.RaisedAmount.ShouldBe(0m);
        (await second.Totals.GetAsync(campaign, CancellationToken.None)).View!.RaisedAmount.ShouldBe(0m);
        first.Stats.Trust();
        await first.Stats.GetOrComputeAsync("platform", _ => Task.FromResult(new RawJson("0"u8.ToArray())), CancellationToken.None);

        await side.CompletedAsync(Guid.NewGuid(), campaign, 1234.5m, Guid.NewGuid());
        await side.SettleAsync();

        foreach (var replica in new[] { first, second })
        {
            var totals = await replica.Totals.GetAsync(campaign, CancellationToken.None);
            (totals.View!.RaisedAmount, totals.View.DonorCount, totals.View.DonationCount).ShouldBe((1234.5m, 1, 1));
        }

        loads.ShouldBe(1);
        first.Stats.Count.ShouldBe(0, "the platform statistics were not dropped");
        side.Bus.Changes.ShouldContain(ReadModelSignals.StatsChanged);
    }

    [Fact]
    public async Task an_announcement_that_could_not_be_published_is_published_later()
    {
        await using var db = await QueryDatabase.CreateAsync(server);
        var side = new ReadSide(db);
        var campaign = Guid.NewGuid();
        var replica = side.Replica();
        await side.CompletedAsync(Guid.NewGuid(), campaign, 10m);
        await side.ApplyAllAsync();

        side.Bus.Failing = true;
        await Should.ThrowAsync<TimeoutException>(() => side.Announcer().AnnounceAsync(CancellationToken.None));
        (await db.ScalarAsync<long>("SELECT count(*) FROM query.totals_announcements")).ShouldBe(1);

        side.Bus.Failing = false;
        (await side.Announcer().AnnounceAsync(CancellationToken.None)).ShouldBe(1);
        (await db.ScalarAsync<long>("SELECT count(*) FROM query.totals_announcements")).ShouldBe(0);
        replica.Totals.TryPeek(campaign, out var kept).ShouldBeTrue();
        kept!.View!.RaisedAmount.ShouldBe(10m);
    }
}
