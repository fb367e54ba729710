using CareForAll.SslCommerzSandbox.Gateway;

namespace CareForAll.SslCommerzSandbox.Validation;

/// <summary>Maps the Order Validation API for any method: SDKs call it with GET, and with POST carrying a query string.</summary>
internal static class ValidationEndpoints
{
    public const string Path = "/validator/api/validationserverAPI.php";

    public static void MapValidationApi(this IEndpointRouteBuilder app) =>
        app.Map(Path, async (HttpContext context, OrderValidation validation) =>
            GatewayJson.Answer(validation.Validate(await GatewayParameters.ReadAsync(context.Request, context.RequestAborted))));
}
