using CareForAll.Pledges.Domain;
using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Pledges.Features.Pledges.Get;

/// <summary>
/// One pledge, for its donor, an admin, or a guest presenting that pledge's token in <c>X-Pledge-Token</c>. Anyone
/// else gets the same 404 as for a pledge that does not exist, so ids cannot be probed. Payments calls this with
/// the caller's own headers to read the amount and status.
/// </summary>
internal sealed class Endpoint(NpgsqlDataSource database, GuestAccessTokens guestTokens) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/api/pledges/{id}");
        // Guests read their pledge with its token instead of an account.
        AllowAnonymous();
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var row = await Data.FindAsync(database, req.Id, ct);
        var pledgeToken = HttpContext.Request.Headers[GuestAccessTokens.PledgeTokenHeader].ToString();
        if (row is not null && PledgeAccess.CanRead(User, pledgeToken, row.Id, row.UserId, guestTokens))
        {
            await Send.OkAsync(Mapper.ToResponse(row, await Data.CampaignStatusAsync(database, row.CampaignId, ct)), ct);
            return;
        }

        CallerToken.RefuseUnauthenticatedBearer(HttpContext);
        throw new ApiException(StatusCodes.Status404NotFound, "PLEDGE_NOT_FOUND", "No pledge with this id is visible to you.");
    }
}
