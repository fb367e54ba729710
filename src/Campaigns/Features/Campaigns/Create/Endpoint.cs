using CareForAll.BuildingBlocks.Database;
using CareForAll.BuildingBlocks.Idempotency;
using CareForAll.Campaigns.Access;
using CareForAll.Campaigns.Data;
using CareForAll.Campaigns.Domain;
using CareForAll.Campaigns.Events;
using CareForAll.ServiceDefaults.Auth;
using View = CareForAll.Campaigns.Features.Campaigns.Get;

namespace CareForAll.Campaigns.Features.Campaigns.Create;

/// <summary>
/// Any signed-in user whose email address is verified may start a campaign (an organiser must be reachable, and an
/// unproved address is where throwaway accounts come from); admins need not be. It is a draft until an admin
/// approves it. An Idempotency-Key is optional here (no money moves), but honoured, so a retried submission does
/// not create a second draft.
/// </summary>
internal sealed class Endpoint(
    NpgsqlDataSource database,
    TimeProvider clock,
    CampaignsMetrics metrics,
    ILogger<Endpoint> logger) : Endpoint<Request, View.Response>
{
    public override void Configure()
    {
        Post("/api/campaigns");
        MaxRequestBodySize(CampaignsLimits.MaxRequestBodyBytes);
        this.Idempotent();
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        // The token's word, as of its issue: a user who verified since gets a token saying so at the next refresh.
        if (!User.IsAdmin() && !User.EmailVerified())
        {
            throw CampaignErrors.EmailNotVerified();
        }

        var now = clock.GetUtcNow();
        var actor = Actor.From(HttpContext);
        var campaign = Mapper.ToNewCampaign(req, Guid.CreateVersion7(now), Caller.Id(User), now);

        await using var unit = await RequestTransaction.BeginAsync(HttpContext, database, ct);
        var row = await Data.InsertAsync(unit.Connection, unit.Transaction, campaign, ct);
        await StatusHistory.RecordAsync(unit.Connection, unit.Transaction, row.Id, null, CampaignStatus.Draft, null, actor, now, ct);
        await CampaignEvents.AddAsync(
            unit.Connection, unit.Transaction, CampaignEventTypes.Created, row, new CampaignChange(Actor: actor), now, ct);
        await unit.CommitAsync(ct);

        metrics.CampaignCreated();
        logger.CampaignCreated(row.Id, row.OrganizerId);
        await Send.ResponseAsync(View.Mapper.ToResponse(row), StatusCodes.Status201Created, ct);
    }
}
