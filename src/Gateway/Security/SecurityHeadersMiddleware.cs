using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CareForAll.Gateway.Security;

/// <summary>
/// Puts the security headers on every response, proxied or not. Set when the response starts, so they
/// overwrite whatever a service sent and also cover the gateway's own 401/404/413/429 answers.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<GatewayOptions> options)
{
    private readonly string _contentSecurityPolicy = options.Value.ContentSecurityPolicy;

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(
            static state =>
            {
                var (response, csp) = ((HttpResponse, string))state;
                Apply(response.Headers, csp);
                return Task.CompletedTask;
            },
            (context.Response, _contentSecurityPolicy));
        return next(context);
    }

    internal static void Apply(IHeaderDictionary headers, string contentSecurityPolicy)
    {
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = contentSecurityPolicy;
        // Kestrel's own Server header is off; this also drops the one a service behind the proxy sent.
        headers.Remove(HeaderNames.Server);
    }
}
