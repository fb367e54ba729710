using CareForAll.Gateway.Errors;
using CareForAll.ServiceDefaults.Api;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CareForAll.Gateway.Security;

/// <summary>
/// Refuses an oversized body with a 413 envelope before a byte goes upstream. A declared length is checked at once;
/// a body without one (chunked) is read here, up to the limit, and sent on with its length: cut off in the middle of
/// proxying instead, it would end as a 502 or a reset whenever the service answered first.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<GatewayOptions> options)
{
    private readonly long _limit = options.Value.MaxRequestBodyBytes;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength > _limit)
        {
            await RefuseAsync(context);
            return;
        }

        if (request.ContentLength is null && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
        {
            var body = await ReadUpToLimitAsync(request, context.RequestAborted);
            if (body is null)
            {
                await RefuseAsync(context);
                return;
            }

            context.Response.RegisterForDispose(body);
            request.Body = body;
            request.ContentLength = body.Length;
            request.Headers.Remove("Transfer-Encoding");
        }

        await next(context);
    }

    /// <summary>The whole body, or null when it is longer than the limit.</summary>
    private async Task<MemoryStream?> ReadUpToLimitAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (body.Length + read > _limit)
                {
                    await body.DisposeAsync();
                    return null;
                }

                body.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's own limit (the same number) noticed first.
            await body.DisposeAsync();
            return null;
        }

        body.Position = 0;
        return body;
    }

    private Task RefuseAsync(HttpContext context) =>
        GatewayErrors.WriteAsync(
            context,
            StatusCodes.Status413PayloadTooLarge,
            ErrorCodes.PayloadTooLarge,
            $"The request body is larger than {_limit} bytes.");
}
