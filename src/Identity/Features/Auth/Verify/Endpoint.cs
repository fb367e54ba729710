using CareForAll.Identity.Tokens;
using CareForAll.ServiceDefaults.Api;

namespace CareForAll.Identity.Features.Auth.Verify;

/// <summary>
/// For internal callers that hold a token and want identity's word on it. The authentication middleware has
/// already checked signature, lifetime, audience, the deny-list and suspension; an invalid token never gets here.
/// </summary>
internal sealed class Endpoint : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("/api/auth/verify");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var token = CallerToken.From(User)
            ?? throw new ApiException(StatusCodes.Status401Unauthorized, "UNAUTHORIZED", "The access token lacks required claims.");
        await Send.OkAsync(Mapper.ToResponse(token), ct);
    }
}
