using CareForAll.Campaigns.Domain;
using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;
using Search = CareForAll.Campaigns.Features.Campaigns.List;
using View = CareForAll.Campaigns.Features.Campaigns.Get;

namespace CareForAll.Campaigns.Features.Campaigns.ListAll;

/// <summary>
/// Internal (the gateway never routes /internal), admin only: the admin service's campaign list, where drafts wait
/// for approval. The public list's query with every status allowed; newest first even when searching, so an admin
/// working through the queue sees it in order.
/// </summary>
internal sealed class Endpoint(NpgsqlDataSource database) : Endpoint<Request, PagedResult<View.Response>>
{
    public override void Configure()
    {
        Get("/internal/campaigns");
        Policies(CareForAllPolicies.Admin);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var filter = new Search.CampaignFilter(
            req.Status is null ? CampaignStatus.All : [req.Status],
            Type: null,
            OrganizerId: null,
            string.IsNullOrWhiteSpace(req.Search) ? null : req.Search.Trim(),
            Search.CampaignSort.Newest,
            req.Page,
            req.Limit);

        var (rows, total) = await Search.Data.FindAsync(database, filter, ct);
        await Send.OkAsync(new PagedResult<View.Response>([.. rows.Select(View.Mapper.ToResponse)], req.Page, req.Limit, total), ct);
    }
}
