using System.Text.Json;
using CareForAll.BuildingBlocks.Messaging;
using CareForAll.Campaigns.Features.Contributions.Apply;
using CareForAll.Campaigns.Features.Contributions.Record;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareForAll.Campaigns.Tests;

/// <summary>Drives the pledge handlers and the totals applier directly, as the consumer host and the applier loop do.</summary>
internal sealed class Contributions(CampaignDatabase database, int batchSize = 1000)
{
    private readonly FixedClock _clock = new(DateTimeOffset.UtcNow);

    public async Task CompletedAsync(Guid pledgeId, Guid campaignId, decimal amount, string? currency = "BDT") =>
        await HandleAsync(
            new RecordCompletedPledge(_clock, TestMeters.Metrics, NullLogger<RecordCompletedPledge>.Instance),
            "pledge.completed",
            new PledgeEvent(pledgeId, campaignId, amount, currency, "completed", "payment_initiated"));

    public async Task RefundedAsync(Guid pledgeId, Guid campaignId, decimal amount, string previousStatus = "completed") =>
        await HandleAsync(
            new RecordRefundedPledge(_clock, TestMeters.Metrics, NullLogger<RecordRefundedPledge>.Instance),
            "pledge.refunded",
            new PledgeEvent(pledgeId, campaignId, amount, "BDT", "refunded", previousStatus));

    public CampaignTotals Applier() => new(
        database.DataSource,
        _clock,
        TestMeters.Metrics,
        Options.Create(new TotalsOptions { BatchSize = batchSize }),
        NullLogger<CampaignTotals>.Instance);

    /// <summary>Applies batches until nothing is left to claim; returns every batch.</summary>
    public async Task<IReadOnlyList<TotalsBatch>> ApplyAllAsync(CampaignTotals? applier = null)
    {
        applier ??= Applier();
        var batches = new List<TotalsBatch>();
        while (true)
        {
            var batch = await applier.ApplyBatchAsync(CancellationToken.None);
            if (batch.Claimed == 0)
            {
                return batches;
            }

            batches.Add(batch);
        }
    }

    /// <summary>Applies one batch.</summary>
    public Task<TotalsBatch> ApplyOneBatchAsync() => Applier().ApplyBatchAsync(CancellationToken.None);

    // Each delivery is a new envelope in its own transaction, as the consumer host runs it (its inbox, which would
    // drop a redelivery of the same envelope, is the building blocks' concern and tested there).
    private async Task HandleAsync(IEventHandler<PledgeEvent> handler, string eventType, PledgeEvent data)
    {
        var envelope = new IntegrationEvent(
            Guid.NewGuid(), eventType, _clock.Now, data.PledgeId, 1, JsonSerializer.SerializeToElement(data, MessagingJson.Options));
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await handler.HandleAsync(new EventContext<PledgeEvent>(envelope, data, connection, transaction), CancellationToken.None);
        await transaction.CommitAsync();
    }
}
