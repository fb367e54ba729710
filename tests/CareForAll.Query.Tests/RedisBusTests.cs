using CareForAll.Query.Caching;
using CareForAll.Query.Data;
using CareForAll.Query.Features.Ledger.Apply;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CareForAll.Query.Tests;

/// <summary>The real pub/sub path: two replicas, each with its own Redis connection, hear each other's changes.</summary>
public sealed class RedisBusTests(RedisServer redis) : IClassFixture<RedisServer>, IAsyncLifetime
{
    private static readonly Guid Campaign = Guid.NewGuid();
    private readonly List<IAsyncDisposable> _owned = [];

    private sealed record RedisReplica(Replica Memory, RedisReadModelBus Bus, ConnectionMultiplexer Connection);

    private async Task<RedisReplica> StartReplicaAsync()
    {
        var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var memory = new Replica(null, (_, _) => Task.FromResult<TotalsView?>(View(1, 0m)));
        memory.Signals.Distrust();
        var bus = new RedisReadModelBus(connection, memory.Signals, Options.Create(new ApplierOptions()), NullLogger<RedisReadModelBus>.Instance);
        await bus.StartAsync(CancellationToken.None);
        _owned.Add(connection);
        _owned.Add(new Stopper(bus));
        await Eventually.UntilAsync(() => Task.FromResult(memory.Totals.Trusted), TimeSpan.FromSeconds(20), "the replica never trusted its pub/sub channel");
        return new RedisReplica(memory, bus, connection);
    }

    private static TotalsView View(long version, decimal raised) => new()
    {
        CampaignId = Campaign,
        Title = "Heart surgery for Rahim",
        Status = "active",
        RaisedAmount = raised,
        Currency = "BDT",
        DonorCount = 1,
        DonationCount = 1,
        ProgressPercentage = 0m,
        Version = version,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public async Task a_change_published_by_one_replica_reaches_every_replicas_memory_and_live_subscribers()
    {
        var first = await StartReplicaAsync();
        var second = await StartReplicaAsync();
        await second.Memory.Totals.GetAsync(Campaign, CancellationToken.None);
        using var live = second.Memory.Live.Subscribe(Campaign);
        second.Memory.Stats.Trust();
        await second.Memory.Stats.GetOrComputeAsync("platform", _ => Task.FromResult(new RawJson("0"u8.ToArray())), CancellationToken.None);

        await first.Bus.PublishTotalsAsync(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(View(5, 750m), QueryJson.Options), CancellationToken.None);
        await first.Bus.PublishChangedAsync(ReadModelSignals.StatsChanged, CancellationToken.None);

        foreach (var replica in new[] { first, second })
        {
            await Eventually.UntilAsync(
                () => Task.FromResult(replica.Memory.Totals.TryPeek(Campaign, out var kept) && kept!.Version == 5),
                TimeSpan.FromSeconds(10), "a replica did not receive the totals");
        }

        (await live.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)))!.View!.RaisedAmount.ShouldBe(750m);
        await Eventually.UntilAsync(() => Task.FromResult(second.Memory.Stats.Count == 0), TimeSpan.FromSeconds(10), "statistics were not dropped");
    }

    [Fact]
    public async Task after_the_pubsub_connection_drops_a_replica_starts_from_an_empty_memory_once_it_is_back()
    {
        var replica = await StartReplicaAsync();
        replica.Memory.Signals.OnTotals(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(View(8, 800m), QueryJson.Options));
        replica.Memory.Totals.TryPeek(Campaign, out _).ShouldBeTrue();

        // Messages published while it was cut off are lost to it: what it remembered may be stale.
        await using (var admin = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true"))
        {
            await admin.GetServer(admin.GetEndPoints()[0]).ExecuteAsync("CLIENT", "KILL", "SKIPME", "yes");
        }

        await Eventually.UntilAsync(
            () => Task.FromResult(replica.Memory.Totals.Trusted && !replica.Memory.Totals.TryPeek(Campaign, out _)),
            TimeSpan.FromSeconds(30), "the memory was not dropped and trusted again after the reconnect");

        // And it works again.
        await replica.Bus.PublishTotalsAsync(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(View(9, 900m), QueryJson.Options), CancellationToken.None);
        await Eventually.UntilAsync(
            () => Task.FromResult(replica.Memory.Totals.TryPeek(Campaign, out var kept) && kept!.Version == 9),
            TimeSpan.FromSeconds(10), "the replica did not hear changes after the reconnect");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
    }

    private sealed class Stopper(RedisReadModelBus bus) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await bus.StopAsync(CancellationToken.None);
            bus.Dispose();
        }
    }
}
