using CareForAll.Campaigns.Access;
using CareForAll.Campaigns.Data;
using CareForAll.Campaigns.Domain;

namespace CareForAll.Campaigns.Features.Campaigns.Get;

/// <summary>
/// Public for every campaign but a draft, which only its organiser and admins see; to anyone else a draft does not
/// exist (404), so ids of unpublished campaigns cannot be probed.
/// </summary>
internal sealed class Endpoint(NpgsqlDataSource database) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/api/campaigns/{id}");
        AllowAnonymous();
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var row = await CampaignSql.FindAsync(database, req.Id, ct);
        if (row is null || !CampaignVisibility.IsVisibleTo(row.Status, Caller.RolesFor(User, row.OrganizerId)))
        {
            throw CampaignErrors.NotFound();
        }

        await Send.OkAsync(Mapper.ToResponse(row), ct);
    }
}
