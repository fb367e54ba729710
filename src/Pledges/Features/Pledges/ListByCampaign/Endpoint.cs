using CareForAll.ServiceDefaults.Api;

namespace CareForAll.Pledges.Features.Pledges.ListByCampaign;

/// <summary>The donor wall: a campaign's completed pledges, public, without emails and honouring anonymity.</summary>
internal sealed class Endpoint(NpgsqlDataSource database) : Endpoint<Request, PagedResult<Item>>
{
    public override void Configure()
    {
        Get("/api/pledges/campaign/{campaignId}");
        AllowAnonymous();
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var (rows, total) = await Data.ListAsync(database, req.CampaignId, req.Page, req.Limit, ct);
        await Send.OkAsync(new PagedResult<Item>([.. rows.Select(Mapper.ToItem)], req.Page, req.Limit, total), ct);
    }
}
