using CareForAll.Campaigns.Access;
using CareForAll.Campaigns.Data;
using CareForAll.Campaigns.Domain;
using CareForAll.Campaigns.Events;
using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;
using View = CareForAll.Campaigns.Features.Campaigns.Get;

namespace CareForAll.Campaigns.Features.Campaigns.ChangeStatus;

/// <summary>
/// Moves a campaign through its states as <see cref="CampaignTransitions"/> allows: admins approve, reject, close
/// and cancel; an organiser withdraws their own draft or closes their own active campaign. Every move is kept in
/// the status history and its event carries the actor and the reason.
/// </summary>
internal sealed class Endpoint(
    NpgsqlDataSource database,
    TimeProvider clock,
    CampaignsMetrics metrics,
    ILogger<Endpoint> logger) : Endpoint<Request, View.Response>
{
    public override void Configure()
    {
        Patch("/api/campaigns/{id}/status");
        MaxRequestBodySize(CampaignsLimits.MaxRequestBodyBytes);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var to = req.Status!;
        var reason = string.IsNullOrWhiteSpace(req.Reason) ? null : req.Reason.Trim();

        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        var row = await CampaignSql.FindForUpdateAsync(connection, transaction, req.Id, ct) ?? throw CampaignErrors.NotFound();
        var roles = CampaignErrors.RequireOrganizerOrAdmin(User, row.Status, row.OrganizerId);

        switch (CampaignTransitions.Decide(row.Status, to, roles, reason))
        {
            case TransitionOutcome.Refused:
                throw new ApiException(
                    StatusCodes.Status409Conflict,
                    "INVALID_STATUS_TRANSITION",
                    $"A campaign cannot move from {row.Status} to {to} at your request.",
                    new { from = row.Status, to, allowed = CampaignTransitions.AllowedTargets(row.Status, roles) });
            case TransitionOutcome.ReasonRequired:
                throw CampaignErrors.Invalid("reason", $"A reason is required to move a {row.Status} campaign to {to}.");
        }

        // Approving a campaign whose end date has passed would only have the closing job expire it a moment later.
        if (to == CampaignStatus.Active && row.EndDate is { } end && DbTime.ToUtc(end) <= now)
        {
            throw new ApiException(
                StatusCodes.Status409Conflict,
                "CAMPAIGN_ENDED",
                "The campaign's end date has passed; move it to a future date before approving it.",
                new { endDate = DbTime.ToUtc(end) });
        }

        var actor = Actor.From(HttpContext);
        var moved = await Data.MoveAsync(connection, transaction, row.Id, row.Status, to, reason, now, ct)
            ?? throw new InvalidOperationException("A campaign locked by this transaction changed status.");
        await StatusHistory.RecordAsync(connection, transaction, row.Id, row.Status, to, reason, actor, now, ct);
        await CampaignEvents.AddAsync(
            connection,
            transaction,
            CampaignTransitions.EventTypeFor(to),
            moved,
            new CampaignChange(PreviousStatus: row.Status, Reason: reason, Actor: actor),
            now,
            ct);
        await transaction.CommitAsync(ct);

        metrics.StatusChanged(to);
        logger.CampaignStatusChanged(row.Id, row.Status, to, actor.ActorId);
        await Send.OkAsync(View.Mapper.ToResponse(moved), ct);
    }
}
