using CareForAll.Campaigns.Access;
using CareForAll.Campaigns.Data;
using CareForAll.Campaigns.Domain;
using CareForAll.Campaigns.Events;
using CareForAll.ServiceDefaults.Auth;
using Move = CareForAll.Campaigns.Features.Campaigns.ChangeStatus;

namespace CareForAll.Campaigns.Features.Campaigns.Delete;

/// <summary>
/// Admin only. A draft that never had money is erased, after a <c>campaign.cancelled</c> (reason "deleted") in the
/// same transaction so every read side forgets it. Anything that may have had donors is cancelled and kept,
/// never erased: the money and its history must stay explainable. A closed campaign answers 409.
/// </summary>
internal sealed class Endpoint(
    NpgsqlDataSource database,
    TimeProvider clock,
    CampaignsMetrics metrics,
    ILogger<Endpoint> logger) : Endpoint<Request, Response>
{
    public const string DefaultReason = "deleted";

    public override void Configure()
    {
        Delete("/api/campaigns/{id}");
        Policies(CareForAllPolicies.Admin);

        // The reason comes from the query string: a bodiless DELETE must reach the handler, not be refused with 415.
        Description(b => b.ClearDefaultAccepts());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var actor = Actor.From(HttpContext);
        var reason = string.IsNullOrWhiteSpace(req.Reason) ? DefaultReason : req.Reason.Trim();

        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        var row = await Data.FindForDeleteAsync(connection, transaction, req.Id, ct) ?? throw CampaignErrors.NotFound();
        if (CampaignStatus.IsClosed(row.Status))
        {
            throw CampaignErrors.Closed(row.Status);
        }

        var erase = row.Status == CampaignStatus.Draft && !await Data.HasContributionsAsync(connection, transaction, row.Id, ct);
        CampaignRow cancelled;
        if (erase)
        {
            // What the row would have become, had it been kept: the event describes the campaign's last state.
            cancelled = row with
            {
                Status = CampaignStatus.Cancelled,
                Version = row.Version + 1,
                ClosedAt = now.UtcDateTime,
                CancelReason = DefaultReason,
                UpdatedAt = now.UtcDateTime,
            };
            reason = DefaultReason;
        }
        else
        {
            cancelled = await Move.Data.MoveAsync(connection, transaction, row.Id, row.Status, CampaignStatus.Cancelled, reason, now, ct)
                ?? throw new InvalidOperationException("A campaign locked by this transaction changed status.");
            await StatusHistory.RecordAsync(connection, transaction, row.Id, row.Status, CampaignStatus.Cancelled, reason, actor, now, ct);
        }

        await CampaignEvents.AddAsync(
            connection,
            transaction,
            CampaignEventTypes.Cancelled,
            cancelled,
            new CampaignChange(PreviousStatus: row.Status, Reason: reason, Actor: actor),
            now,
            ct);
        if (erase)
        {
            await Data.EraseAsync(connection, transaction, row.Id, ct);
        }

        await transaction.CommitAsync(ct);

        metrics.StatusChanged(CampaignStatus.Cancelled);
        if (erase)
        {
            logger.DraftErased(row.Id, actor.ActorId);
        }
        else
        {
            logger.CampaignStatusChanged(row.Id, row.Status, CampaignStatus.Cancelled, actor.ActorId);
        }

        await Send.OkAsync(new Response { CampaignId = row.Id, Status = CampaignStatus.Cancelled, Erased = erase }, ct);
    }
}
