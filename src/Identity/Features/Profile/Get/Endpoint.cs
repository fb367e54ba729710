using CareForAll.Identity.Users;
using CareForAll.ServiceDefaults.Api;

namespace CareForAll.Identity.Features.Profile.Get;

internal sealed class Endpoint(NpgsqlDataSource database) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("/api/auth/profile");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var row = await Data.FindAsync(database, Caller.Id(User), ct)
            ?? throw new ApiException(StatusCodes.Status404NotFound, "USER_NOT_FOUND", "The account no longer exists.");
        await Send.OkAsync(Mapper.ToResponse(row), ct);
    }
}
