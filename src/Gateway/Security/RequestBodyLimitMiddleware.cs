using CareForAll.Gateway.Errors;
using CareForAll.ServiceDefaults.Api;
using Microsoft.Extensions.Options;

namespace CareForAll.Gateway.Security;

/// <summary>
/// Refuses a declared oversized body with a 413 envelope before a byte goes upstream. Chunked bodies without
/// a length are cut off by Kestrel's own limit, set to the same number.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<GatewayOptions> options)
{
    private readonly long _limit = options.Value.MaxRequestBodyBytes;

    public Task InvokeAsync(HttpContext context) =>
        context.Request.ContentLength > _limit
            ? GatewayErrors.WriteAsync(
                context,
                StatusCodes.Status413PayloadTooLarge,
                ErrorCodes.PayloadTooLarge,
                $"The request body is larger than {_limit} bytes.")
            : next(context);
}
