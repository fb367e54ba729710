using Microsoft.AspNetCore.Http;

namespace CareForAll.ServiceDefaults.RequestIds;

/// <summary>Passes the current request's id on to every outgoing HttpClient call made while handling it.</summary>
internal sealed class RequestIdPropagationHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = accessor.HttpContext;
        if (context is not null && !request.Headers.Contains(RequestId.HeaderName))
        {
            request.Headers.TryAddWithoutValidation(RequestId.HeaderName, RequestId.Of(context));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
