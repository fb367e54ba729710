using CareForAll.Identity.Users;
using CareForAll.ServiceDefaults.Api;
using View = CareForAll.Identity.Features.Profile.Get;

namespace CareForAll.Identity.Features.Profile.Update;

/// <summary>Answers with the profile as <c>GET /api/auth/profile</c> shows it.</summary>
internal sealed class Endpoint(NpgsqlDataSource database, TimeProvider clock) : Endpoint<Request, View.Response>
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
        await Send.OkAsync(View.Mapper.ToResponse(row), ct);
    }
}
