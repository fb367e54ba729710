using System.Text.Json;
using CareForAll.Query.Caching;
using CareForAll.Query.Data;
using CareForAll.Query.Features.Ledger.Apply;
using Microsoft.Extensions.Options;

namespace CareForAll.Query.Features.Ledger.Announce;

/// <summary>
/// Publishes the new totals of campaigns marked for announcement (by the applier or a campaign event) to every
/// replica, then "something changed" for the top lists and platform statistics. The marks are deleted only in the
/// transaction that published them, so a failure announces again rather than never; receivers ignore what they
/// already have. Safe with several replicas (SKIP LOCKED).
/// </summary>
internal sealed class TotalsAnnouncer(
    NpgsqlDataSource database,
    IReadModelBus bus,
    QueryMetrics metrics,
    IOptions<ApplierOptions> options)
{
    /// <summary>Announces one round; returns how many campaigns it covered.</summary>
    public async Task<int> AnnounceAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var campaignIds = await Data.ClaimAsync(connection, transaction, options.Value.AnnounceBatchSize, ct);
        if (campaignIds.Length == 0)
        {
            return 0;
        }

        var views = await TotalsSql.FindManyAsync(connection, transaction, campaignIds, ct);
        // Many in flight at once: Redis pipelines them.
        await Task.WhenAll(views.Select(view => bus.PublishTotalsAsync(JsonSerializer.SerializeToUtf8Bytes(view, QueryJson.Options), ct)));
        await bus.PublishChangedAsync(ReadModelSignals.StatsChanged, ct);
        await Data.DeleteAsync(connection, transaction, campaignIds, ct);
        await transaction.CommitAsync(ct);
        metrics.Announced(views.Count);
        return campaignIds.Length;
    }
}
