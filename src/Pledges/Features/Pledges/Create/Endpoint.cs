using CareForAll.BuildingBlocks.Database;
using CareForAll.BuildingBlocks.Idempotency;
using CareForAll.Pledges.Domain;
using CareForAll.ServiceDefaults.Auth;
using Microsoft.Extensions.Options;

namespace CareForAll.Pledges.Features.Pledges.Create;

/// <summary>
/// A donor, signed in or guest, pledges to an active campaign. One short transaction holds the pledge row, its
/// <c>pledge.created</c> event and the Idempotency-Key's stored answer. A guest gets a token that opens this pledge
/// and its payment.
/// </summary>
internal sealed class Endpoint(
    NpgsqlDataSource database,
    CampaignGate campaigns,
    GuestAccessTokens guestTokens,
    IOptions<PledgeOptions> options,
    PledgeMetrics metrics,
    TimeProvider clock,
    ILogger<Endpoint> logger) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/pledges");
        // Guests pledge too; a signed-in donor's token is still read when present.
        AllowAnonymous();
        MaxRequestBodySize(PledgeLimits.MaxRequestBodyBytes);
        this.Idempotent(required: true);
    }

    public override void OnBeforeValidate(Request req)
    {
        CallerToken.RefuseUnauthenticatedBearer(HttpContext);
        req.TokenEmail = User.UserId() is null ? null : User.Email();
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var userId = User.UserId();
        var pledge = Mapper.ToNewPledge(req, Guid.CreateVersion7(now), userId, req.TokenEmail ?? req.DonorEmail!, now);

        await using var unit = await RequestTransaction.BeginAsync(HttpContext, database, ct);
        await campaigns.EnsureAcceptingPledgesAsync(unit.Connection, unit.Transaction, pledge.CampaignId, ct);
        await Data.RecordAsync(unit.Connection, unit.Transaction, pledge, ct);
        await unit.CommitAsync(ct);

        var guest = userId is null;
        metrics.PledgeCreated(guest, pledge.Amount, pledge.Currency);
        logger.PledgeCreated(pledge.Id, pledge.CampaignId, guest);

        var guestToken = guest ? guestTokens.IssueForPledge(pledge.Id, options.Value.GuestTokenLifetime) : null;
        HttpContext.Response.Headers.Location = $"/api/pledges/{pledge.Id}";
        await Send.ResponseAsync(Mapper.ToResponse(pledge, guestToken), StatusCodes.Status201Created, ct);
    }
}
