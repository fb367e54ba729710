using CareForAll.ServiceDefaults.Api;
using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>FastEndpoints with the CareForAll envelope.</summary>
public static class EndpointsExtensions
{
    /// <summary>Registers FastEndpoints (endpoints, validators and processors are discovered).</summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="discovery">Optional discovery settings, e.g. the assemblies to scan.</param>
    public static TBuilder AddCareForAllEndpoints<TBuilder>(this TBuilder builder, Action<EndpointDiscoveryOptions>? discovery = null)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddFastEndpoints(options => discovery?.Invoke(options));
        builder.Services.AddAuthorization();
        return builder;
    }

    /// <summary>
    /// Maps the FastEndpoints endpoints with the envelope as global configuration: an endpoint returns its response
    /// (or a <see cref="PagedResult{T}"/>) and gets <c>{ success, data, meta }</c>; validation failures become
    /// 400 <c>VALIDATION_ERROR</c> with every field; an <see cref="ApiException"/> becomes its envelope.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <param name="configure">Further FastEndpoints configuration, applied after the envelope's.</param>
    public static IApplicationBuilder UseCareForAllEndpoints(this IApplicationBuilder app, Action<Config>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Also inside the pipeline (the outer copy wraps everything): in Development the framework puts its
        // exception page in between, and that page would show stack traces.
        app.UseMiddleware<ErrorEnvelopeMiddleware>();
        app.UseMiddleware<BodilessRequestMiddleware>();
        app.UseFastEndpoints(config =>
        {
            FastEndpointsEnvelope.Apply(config);
            configure?.Invoke(config);
        });
        return app;
    }

    /// <summary>
    /// Adds the error envelope at this point of the pipeline, for applications without FastEndpoints (the gateway):
    /// exceptions and bodiless error statuses raised after it become envelopes even in Development.
    /// </summary>
    /// <param name="app">The application.</param>
    public static IApplicationBuilder UseCareForAllErrorEnvelope(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<ErrorEnvelopeMiddleware>();
    }
}
