using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CareForAll.ServiceDefaults.RequestIds;

/// <summary>Accepts or generates the request id, echoes it and opens the logging scope for the whole request.</summary>
internal sealed class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var headers = context.Request.Headers[RequestId.HeaderName];
        var id = RequestId.Resolve(headers.Count == 1 ? headers[0] : null);

        context.Items[RequestId.ItemKey] = id;
        context.TraceIdentifier = id;
        // Rewritten on the request too, so a proxy forwarding the incoming headers passes the id on.
        context.Request.Headers[RequestId.HeaderName] = id;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[RequestId.HeaderName] = id;
            return Task.CompletedTask;
        });
        Activity.Current?.SetTag("http.request_id", id);

        using (logger.BeginScope(new Dictionary<string, object> { [RequestId.LogScopeKey] = id }))
        {
            await next(context);
        }
    }
}
