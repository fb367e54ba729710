using CareForAll.Query.Access;
using CareForAll.Query.Caching;
using CareForAll.ServiceDefaults.Api;

namespace CareForAll.Query.Features.Donations.ByCampaign;

/// <summary>
/// The donor wall: completed donations, newest first, anonymity honoured, no emails. The total is the campaign's
/// standing donation count, kept beside its totals, so nothing is counted per request. Anonymous.
/// </summary>
internal sealed class Endpoint(NpgsqlDataSource database, TotalsCache totals) : Endpoint<Request, PagedResult<WallEntry>>
{
    public override void Configure()
    {
        Get("/api/query/campaigns/{id}/donations");
        AllowAnonymous();
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var campaign = await totals.GetAsync(req.Id, ct);
        if (!campaign.IsVisible)
        {
            throw QueryErrors.CampaignNotFound();
        }

        var total = campaign.View!.DonationCount;
        var items = await Data.PageAsync(database, req.Id, req.Limit, Paging.Offset(req.Page, req.Limit), ct);
        await Send.OkAsync(new PagedResult<WallEntry>(items, req.Page, req.Limit, total), ct);
    }
}
