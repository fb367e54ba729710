using CareForAll.Query.Access;

namespace CareForAll.Query.Features.Statistics.User;

/// <summary>A user's own donation statistics; an admin may read anyone's, nobody else may.</summary>
internal sealed class Endpoint(NpgsqlDataSource database) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/api/query/users/{id}/statistics");
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        QueryErrors.RequireSelfOrAdmin(User, req.Id);
        await Send.OkAsync(await Data.FindAsync(database, req.Id, ct), ct);
    }
}
