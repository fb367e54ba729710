using CareForAll.ServiceDefaults.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace CareForAll.ServiceDefaults.RequestIds;

/// <summary>
/// Puts the request id and the error envelope in front of everything the application adds, so even responses
/// made by routing, authentication or authorization (404, 405, 401, 403) carry both.
/// </summary>
internal sealed class RequestPipelineStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseMiddleware<ErrorEnvelopeMiddleware>();
        next(app);
    };
}
