using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Admin.Features.AuditLog.List;

/// <summary>The audit log, newest first, filtered by admin, action, entity and time; it is only ever read and added to.</summary>
internal sealed class Endpoint(NpgsqlDataSource database) : Endpoint<Request, PagedResult<Response>>
{
    public override void Configure()
    {
        Get("/api/admin/audit-logs");
        Policies(CareForAllPolicies.Admin);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var (rows, total) = await Data.FindAsync(database, req, ct);
        await Send.OkAsync(new PagedResult<Response>([.. rows.Select(Mapper.ToResponse)], req.Page, req.Limit, total), ct);
    }
}
