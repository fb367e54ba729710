using CareForAll.Query.Access;
using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Query.Features.Donations.ByGuest;

/// <summary>
/// A guest's history through the emailed link: an email typed into a form proves nothing, so only a live token
/// signed for exactly that address opens it, and it shows that address's donations only. Anonymous (the token is the
/// proof); anything wrong is the same 401, so the answer tells nothing about which part failed.
/// </summary>
internal sealed class Endpoint(NpgsqlDataSource database, GuestAccessTokens tokens) : Endpoint<Request, PagedResult<DonationRecord>>
{
    public override void Configure()
    {
        Get("/api/query/guests/donations");
        AllowAnonymous();
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var email = HttpContext.Request.Headers[GuestAccessTokens.DonorEmailHeader].ToString();
        var token = HttpContext.Request.Headers[GuestAccessTokens.DonorHistoryTokenHeader].ToString();
        if (!tokens.OpensDonorHistory(token, email))
        {
            throw QueryErrors.InvalidHistoryLink();
        }

        var normalized = email.Trim().ToLowerInvariant();
        var (items, total) = await Data.PageAsync(database, normalized, req.Limit, Paging.Offset(req.Page, req.Limit), ct);
        await Send.OkAsync(new PagedResult<DonationRecord>(items, req.Page, req.Limit, total), ct);
    }
}
