using System.Text.Json;
using CareForAll.Identity.Tokens;

namespace CareForAll.Identity.Features.Keys.Jwks;

internal sealed class Endpoint(SigningKey signingKey) : EndpointWithoutRequest
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public override void Configure()
    {
        Get("/.well-known/jwks.json");
        AllowAnonymous();
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        // Validators cache the set and refetch on an unknown kid, so a short public cache is enough.
        HttpContext.Response.Headers.CacheControl = "public, max-age=300";
        var body = JsonSerializer.Serialize(Mapper.ToResponse(signingKey), Json);
        await Send.StringAsync(body, StatusCodes.Status200OK, "application/json", ct);
    }
}
