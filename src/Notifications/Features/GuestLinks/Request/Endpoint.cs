using CareForAll.ServiceDefaults.Api;

namespace CareForAll.Notifications.Features.GuestLinks.Request;

/// <summary>
/// A guest asks for the link to their donations ("send me my donations"). Anyone may ask for any address, so the
/// answer is always 202 with the same body, and the work done is the same for every address: the request is only
/// appended, and the sender later decides, out of the caller's sight, whether the address has donations and was
/// not sent a link within the interval. The link goes only to that address, which is what proves the guest owns it.
/// </summary>
internal sealed class Endpoint(NpgsqlDataSource database, TimeProvider clock) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/notifications/guest-history-link");
        AllowAnonymous();
        MaxRequestBodySize(4 * 1024);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await Data.AppendAsync(database, EmailAddress.Normalize(req.Email!), clock.GetUtcNow(), ct);
        await Send.ResponseAsync(new Response { Message = Response.Accepted }, StatusCodes.Status202Accepted, ct);
    }
}
