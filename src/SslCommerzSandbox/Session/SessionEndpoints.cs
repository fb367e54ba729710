using CareForAll.SslCommerzSandbox.Gateway;

namespace CareForAll.SslCommerzSandbox.Session;

/// <summary>Maps the session API, <c>POST /gwprocess/v4/api.php</c> (multipart or urlencoded; always 200 JSON).</summary>
internal static class SessionEndpoints
{
    public const string Path = "/gwprocess/v4/api.php";

    public static void MapSessionApi(this IEndpointRouteBuilder app) =>
        app.MapPost(Path, async (HttpContext context, SessionOpener opener) =>
        {
            var parameters = await GatewayParameters.ReadAsync(context.Request, context.RequestAborted);
            return GatewayJson.Answer(opener.Open(parameters, GatewayUrls.BaseOf(context.Request)));
        });
}
