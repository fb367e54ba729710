using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CareForAll.ServiceDefaults.Api;

/// <summary>
/// Drops the <c>Content-Type</c> of a request that cannot have a body. Many HTTP clients send
/// <c>Content-Type: application/json</c> on every request, GET included; an endpoint with a request type would then
/// try to read an empty JSON body and answer 400 to a perfectly good read.
/// </summary>
internal sealed class BodilessRequestMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentType is not null
            && context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            context.Request.ContentType = null;
        }

        return next(context);
    }
}
