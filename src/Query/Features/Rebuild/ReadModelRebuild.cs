using CareForAll.Query.Caching;
using CareForAll.Query.Features.Campaigns.Track;
using CareForAll.Query.Features.Ledger.Apply;
using TrackData = CareForAll.Query.Features.Campaigns.Track.Data;

namespace CareForAll.Query.Features.Rebuild;

/// <summary>
/// Rebuilds every read model from the owners' snapshots: reloads the ledger (dropping what was recorded before the
/// rebuild started, keeping what arrived since), brings campaign info up to the snapshot's versions, wipes the
/// derived tables and applies the whole ledger again, in one transaction, so readers see the old figures or the new,
/// never a half. Events arriving meanwhile converge on the same figures: the ledger is keyed by (pledge, kind) and
/// campaign info by version.
/// </summary>
internal sealed class ReadModelRebuild(
    NpgsqlDataSource database,
    ReadModelProjector projector,
    IReadModelBus bus,
    TimeProvider clock,
    QueryMetrics metrics,
    ILogger<ReadModelRebuild> logger)
{
    private const int LoadChunk = 1000;

    public async Task<RebuildResult> RebuildAsync(ISnapshotSource source, CancellationToken ct)
    {
        // Database time, like the ledger's received_at: what was recorded before this is in the snapshots read after it.
        var startedAt = await Data.DatabaseNowAsync(database, ct);
        var campaigns = new List<CampaignSnapshot>();
        await foreach (var page in source.CampaignsAsync(ct))
        {
            campaigns.AddRange(page);
        }

        var pledges = new List<PledgeSnapshot>();
        await foreach (var page in source.PledgesAsync(ct))
        {
            pledges.AddRange(page);
        }

        var ledger = pledges.SelectMany(LedgerRow.From).ToList();
        var now = clock.GetUtcNow();

        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await Data.LockAsync(connection, transaction, ct);
        var dropped = await Data.DropLedgerAsync(connection, transaction, startedAt, ct);
        foreach (var chunk in ledger.Chunk(LoadChunk))
        {
            await Data.LoadLedgerAsync(connection, transaction, chunk, startedAt, ct);
        }

        await Data.WipeAsync(connection, transaction, now, ct);
        foreach (var campaign in campaigns)
        {
            if (ToInfo(campaign) is { } info)
            {
                await TrackData.ApplyAsync(connection, transaction, info, now, ct);
            }
        }

        var batches = 0;
        while (true)
        {
            var batch = await projector.ApplyBatchAsync(connection, transaction, ct);
            if (batch.Applied == 0)
            {
                break;
            }

            batches++;
        }

        await Data.AnnounceAllAsync(connection, transaction, ct);
        var figures = await Data.FiguresAsync(connection, transaction, ct);
        await transaction.CommitAsync(ct);

        // The announcements replace every copy; this tells the replicas at once, best effort.
        try
        {
            await bus.PublishChangedAsync(ReadModelSignals.Reset, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.RebuildResetNotPublished(ex);
        }

        metrics.Rebuilt();
        logger.ReadModelsRebuilt(campaigns.Count, pledges.Count, figures.LedgerRows, dropped, batches);
        return new RebuildResult
        {
            Campaigns = campaigns.Count,
            Pledges = pledges.Count,
            LedgerRows = figures.LedgerRows,
            CampaignTotals = figures.Campaigns,
            TotalRaised = figures.TotalRaised,
            Currency = QueryRules.Currency,
            TotalDonations = figures.TotalDonations,
            TotalDonors = figures.TotalDonors,
            StartedAt = new DateTimeOffset(DateTime.SpecifyKind(startedAt, DateTimeKind.Utc)),
            FinishedAt = clock.GetUtcNow(),
        };
    }

    private static CampaignInfo? ToInfo(CampaignSnapshot campaign)
    {
        var status = campaign.Status?.Trim().ToLowerInvariant();
        return campaign.Key == Guid.Empty || status is null || !QueryRules.CampaignStatuses.Contains(status)
            ? null
            : new CampaignInfo(
                campaign.Key,
                campaign.Title,
                campaign.CampaignType,
                status,
                campaign.GoalAmount,
                string.IsNullOrWhiteSpace(campaign.Currency) ? QueryRules.Currency : campaign.Currency.Trim().ToUpperInvariant(),
                campaign.OrganizerId,
                campaign.StartDate,
                campaign.EndDate,
                campaign.GoalReachedAt,
                campaign.Version,
                campaign.CreatedAt);
    }
}

/// <summary>What a rebuild read and what the read models say afterwards.</summary>
internal sealed class RebuildResult
{
    /// <summary>Campaigns in campaigns' snapshot.</summary>
    public required int Campaigns { get; init; }

    /// <summary>Completed or refunded pledges in pledges' snapshot.</summary>
    public required int Pledges { get; init; }

    /// <summary>Ledger rows after the rebuild (snapshot rows and rows recorded while it ran).</summary>
    public required int LedgerRows { get; init; }

    /// <summary>Campaigns with a totals row.</summary>
    public required int CampaignTotals { get; init; }

    public required decimal TotalRaised { get; init; }

    public required string Currency { get; init; }

    public required int TotalDonations { get; init; }

    public required int TotalDonors { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset FinishedAt { get; init; }
}
