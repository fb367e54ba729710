using CareForAll.Identity.Users;
using CareForAll.ServiceDefaults.Api;

namespace CareForAll.Identity.Features.Profile.Update;

internal sealed class Endpoint(NpgsqlDataSource database, TimeProvider clock) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Put("/api/auth/profile");
        MaxRequestBodySize(IdentityLimits.MaxRequestBodyBytes);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var row = await Data.UpdateAsync(database, Caller.Id(User), req, clock.GetUtcNow(), ct)
            ?? throw new ApiException(StatusCodes.Status404NotFound, "USER_NOT_FOUND", "The account no longer exists.");
        await Send.OkAsync(Mapper.ToResponse(row), ct);
    }
}
