using System.Text.Json;
using CareForAll.BuildingBlocks.Messaging;
using CareForAll.Query.Caching;
using CareForAll.Query.Data;
using CareForAll.Query.Features.Campaigns.Track;
using CareForAll.Query.Features.Ledger.Announce;
using CareForAll.Query.Features.Ledger.Apply;
using CareForAll.Query.Features.Ledger.Record;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareForAll.Query.Tests;

/// <summary>
/// Drives the query service's pieces directly, as its hosted services do: the consumer's handlers (each delivery in its
/// own transaction), the projector, the announcer, and any number of replicas' memories joined by an in-process bus.
/// </summary>
internal sealed class ReadSide(QueryDatabase database, int batchSize = 1000)
{
    public FixedClock Clock { get; } = new(DateTimeOffset.Parse("2025-11-21T06:30:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public InProcessBus Bus { get; } = new();

    public QueryDatabase Database => database;

    public static PledgeEventData Pledge(
        Guid pledgeId, Guid campaignId, decimal amount, Guid? userId = null, string email = "donor@example.org",
        string? name = "Karim Rahman", bool anonymous = false, string? message = null, DateTimeOffset? at = null,
        string? previousStatus = "payment_initiated", string status = "completed", string? currency = "BDT") =>
        new(pledgeId, campaignId, userId, email, anonymous ? null : name, anonymous, amount, currency, status, previousStatus, message, at);

    public Task CompletedAsync(PledgeEventData pledge) =>
        HandleAsync(new RecordCompletedPledge(TestMeters.Metrics, NullLogger<RecordCompletedPledge>.Instance), "pledge.completed", pledge.PledgeId, 3, pledge);

    public Task CompletedAsync(Guid pledgeId, Guid campaignId, decimal amount, Guid? userId = null, string email = "donor@example.org") =>
        CompletedAsync(Pledge(pledgeId, campaignId, amount, userId, email, at: Clock.Now));

    /// <summary>Delivers <c>pledge.refunded</c> for the pledge, refunded from <paramref name="previousStatus"/>.</summary>
    public Task RefundedAsync(PledgeEventData pledge, string? previousStatus = "completed", DateTimeOffset? at = null) =>
        HandleAsync(new RecordRefundedPledge(TestMeters.Metrics, NullLogger<RecordRefundedPledge>.Instance), "pledge.refunded", pledge.PledgeId, 4,
            pledge with { Status = "refunded", PreviousStatus = previousStatus, OccurredAt = at ?? pledge.OccurredAt });

    public Task RefundedAsync(Guid pledgeId, Guid campaignId, decimal amount, Guid? userId = null, string email = "donor@example.org", string? previousStatus = "completed") =>
        RefundedAsync(Pledge(pledgeId, campaignId, amount, userId, email, at: Clock.Now), previousStatus);

    public Task CampaignAsync(
        Guid campaignId, long version, string status = "active", string title = "Heart surgery for Rahim", decimal goal = 10_000m,
        string type = "medical", string eventType = "campaign.updated", Guid? organizerId = null) =>
        HandleAsync(
            new TrackCampaign(Clock, NullLogger<TrackCampaign>.Instance), eventType, campaignId, version,
            new CampaignEventData(campaignId, title, type, status, goal, "BDT", organizerId ?? Guid.Empty, Clock.Now.AddDays(-5),
                Clock.Now.AddDays(30), null, Clock.Now));

    public ReadModelProjector Projector() => new(
        database.DataSource, Clock, TestMeters.Metrics, Options.Create(new ApplierOptions { BatchSize = batchSize }),
        NullLogger<ReadModelProjector>.Instance);

    public TotalsAnnouncer Announcer() => new(database.DataSource, Bus, TestMeters.Metrics, Options.Create(new ApplierOptions()));

    /// <summary>Applies batches until nothing is left to claim; returns every batch.</summary>
    public async Task<IReadOnlyList<ProjectionBatch>> ApplyAllAsync(ReadModelProjector? projector = null)
    {
        projector ??= Projector();
        var batches = new List<ProjectionBatch>();
        while (true)
        {
            var batch = await projector.ApplyBatchAsync(CancellationToken.None);
            if (batch.Claimed == 0)
            {
                return batches;
            }

            batches.Add(batch);
        }
    }

    /// <summary>Applies everything and announces it, as the applier loop does.</summary>
    public async Task SettleAsync()
    {
        await ApplyAllAsync();
        while (await Announcer().AnnounceAsync(CancellationToken.None) > 0)
        {
        }
    }

    /// <summary>A replica's memory, joined to the bus and trusted (its pub/sub channel is up).</summary>
    public Replica Replica(Func<Guid, CancellationToken, Task<TotalsView?>>? load = null)
    {
        var replica = new Replica(database, load);
        Bus.Join(replica.Signals);
        return replica;
    }

    // Each delivery is a new envelope in its own transaction, as the consumer host runs it (its inbox, which would
    // drop a redelivery of the same envelope, is the building blocks' concern and tested there).
    private async Task HandleAsync<T>(IEventHandler<T> handler, string eventType, Guid aggregateId, long version, T data)
    {
        var envelope = new IntegrationEvent(
            Guid.NewGuid(), eventType, Clock.Now, aggregateId, version, JsonSerializer.SerializeToElement(data, MessagingJson.Options));
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await handler.HandleAsync(new EventContext<T>(envelope, data, connection, transaction), CancellationToken.None);
        await transaction.CommitAsync();
    }
}

/// <summary>One replica's memory of the read models.</summary>
internal sealed class Replica
{
    public Replica(QueryDatabase? database, Func<Guid, CancellationToken, Task<TotalsView?>>? load = null)
    {
        Totals = new TotalsCache(load ?? ((id, ct) => TotalsSql.FindAsync(database!.DataSource, id, ct)), TestMeters.Metrics);
        Stats = new StatsCache(TestMeters.Metrics);
        Live = new LiveTotalsHub();
        Signals = new ReadModelSignals(Totals, Stats, Live, NullLogger<ReadModelSignals>.Instance);
        Signals.Trust();
    }

    public TotalsCache Totals { get; }

    public StatsCache Stats { get; }

    public LiveTotalsHub Live { get; }

    public ReadModelSignals Signals { get; }
}

/// <summary>Redis pub/sub played in process: every joined replica receives every message.</summary>
internal sealed class InProcessBus : IReadModelBus
{
    private readonly List<ReadModelSignals> _replicas = [];

    public List<string> Changes { get; } = [];

    public int TotalsPublished { get; private set; }

    public bool Failing { get; set; }

    public void Join(ReadModelSignals replica)
    {
        lock (_replicas)
        {
            _replicas.Add(replica);
        }
    }

    public Task PublishTotalsAsync(ReadOnlyMemory<byte> totals, CancellationToken ct)
    {
        if (Failing)
        {
            throw new TimeoutException("Redis is away.");
        }

        lock (_replicas)
        {
            TotalsPublished++;
            foreach (var replica in _replicas)
            {
                replica.OnTotals(totals);
            }
        }

        return Task.CompletedTask;
    }

    public Task PublishChangedAsync(string kind, CancellationToken ct)
    {
        if (Failing)
        {
            throw new TimeoutException("Redis is away.");
        }

        lock (_replicas)
        {
            Changes.Add(kind);
            foreach (var replica in _replicas)
            {
                replica.OnChanged(kind);
            }
        }

        return Task.CompletedTask;
    }
}
