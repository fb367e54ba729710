using CareForAll.Campaigns.Access;
using CareForAll.Campaigns.Data;
using CareForAll.Campaigns.Domain;
using CareForAll.Campaigns.Events;
using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;
using View = CareForAll.Campaigns.Features.Campaigns.Get;

namespace CareForAll.Campaigns.Features.Campaigns.Update;

/// <summary>
/// The organiser or an admin edits a campaign: a draft freely; an active one without touching its terms (409
/// <c>CAMPAIGN_TERMS_FIXED</c> names them); a closed one never (409 <c>CAMPAIGN_CLOSED</c>). Emits
/// <c>campaign.updated</c> with the changed fields and their values before the edit; an edit that changes nothing
/// emits nothing.
/// </summary>
internal sealed class Endpoint(NpgsqlDataSource database, TimeProvider clock, ILogger<Endpoint> logger)
    : Endpoint<Request, View.Response>
{
    public override void Configure()
    {
        Put("/api/campaigns/{id}");
        MaxRequestBodySize(CampaignsLimits.MaxRequestBodyBytes);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        var row = await CampaignSql.FindForUpdateAsync(connection, transaction, req.Id, ct) ?? throw CampaignErrors.NotFound();
        CampaignErrors.RequireOrganizerOrAdmin(User, row.Status, row.OrganizerId);

        var (edited, changes, previous) = CampaignEdit.Apply(row, req);
        var (outcome, fixedFields) = CampaignEditRules.Check(row.Status, changes);
        switch (outcome)
        {
            case EditOutcome.Closed:
                throw CampaignErrors.Closed(row.Status);
            case EditOutcome.TermsFixed:
                throw new ApiException(
                    StatusCodes.Status409Conflict,
                    "CAMPAIGN_TERMS_FIXED",
                    "An active campaign's goal, type, beneficiary and start date cannot change.",
                    new { fields = fixedFields });
        }

        if (edited.EndDate is { } end && end <= edited.StartDate)
        {
            throw CampaignErrors.Invalid(CampaignFields.EndDate, "End date must be after the start date.");
        }

        if (changes.Count == 0)
        {
            await Send.OkAsync(View.Mapper.ToResponse(row), ct);
            return;
        }

        var actor = Actor.From(HttpContext);
        var updated = await Data.EditAsync(connection, transaction, row.Id, edited, now, ct);
        await CampaignEvents.AddAsync(
            connection,
            transaction,
            CampaignEventTypes.Updated,
            updated,
            new CampaignChange(Changes: changes, Actor: actor, Previous: previous),
            now,
            ct);
        await transaction.CommitAsync(ct);

        logger.CampaignEdited(updated.Id, actor.ActorId, string.Join(',', changes));
        await Send.OkAsync(View.Mapper.ToResponse(updated), ct);
    }
}
