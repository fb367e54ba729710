using CareForAll.Campaigns.Domain;
using CareForAll.ServiceDefaults.Api;
using View = CareForAll.Campaigns.Features.Campaigns.Get;

namespace CareForAll.Campaigns.Features.Campaigns.List;

/// <summary>Public: drafts and cancelled campaigns never appear, whoever asks.</summary>
internal sealed class Endpoint(NpgsqlDataSource database) : Endpoint<Request, PagedResult<View.Response>>
{
    public override void Configure()
    {
        Get("/api/campaigns");
        AllowAnonymous();
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var query = string.IsNullOrWhiteSpace(req.Q) ? null : req.Q.Trim();
        var filter = new CampaignFilter(
            req.Status is null ? CampaignStatus.Public : [req.Status],
            req.Type,
            req.OrganizerId,
            query,
            req.Sort ?? (query is null ? CampaignSort.Newest : CampaignSort.Relevance),
            req.Page,
            req.Limit);

        var (rows, total) = await Data.FindAsync(database, filter, ct);
        await Send.OkAsync(new PagedResult<View.Response>([.. rows.Select(View.Mapper.ToResponse)], req.Page, req.Limit, total), ct);
    }
}
