using System.Reflection;
using CareForAll.ServiceDefaults;
using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.RequestIds;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Cross-cutting defaults every CareForAll service takes: telemetry, health, service discovery, resilience and
/// the request id.
/// </summary>
public static class Extensions
{
    private const string HealthEndpointPath = "/health";
    private const string AlivenessEndpointPath = "/alive";
    private const string VersionEndpointPath = "/version";

    // RabbitMQ.Client 7 publishes "RabbitMQ.Client.Publisher" and "RabbitMQ.Client.Subscriber".
    private const string RabbitMqClientSources = "RabbitMQ.Client.*";
    private const string NpgsqlTelemetry = "Npgsql";
    private const string TraceSampleRatioKey = "Telemetry:TraceSampleRatio";

    /// <summary>
    /// Adds telemetry, health checks, service discovery and the standard resilience handler on every HttpClient,
    /// and the <c>X-Request-Id</c> (accepted or generated, echoed, in every log scope, forwarded on HttpClient
    /// calls) together with the error envelope in front of the whole request pipeline.
    /// </summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddTransient<IStartupFilter, RequestPipelineStartupFilter>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeveloperPageExceptionFilter, DeveloperPageEnvelopeFilter>());
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // Outermost, so every retry carries the id too.
            http.AddHttpMessageHandler(services => new RequestIdPropagationHandler(services.GetRequiredService<IHttpContextAccessor>()));
            // Retrying a POST that timed out could do its work twice (a second payment session, a second refund):
            // only safe methods are retried, and a caller that needs more says so itself.
            http.AddStandardResilienceHandler(options => options.Retry.DisableForUnsafeHttpMethods());
            http.AddServiceDiscovery();
        });
        return builder;
    }

    /// <summary>Wires OpenTelemetry logs, metrics and traces; exports over OTLP only when an endpoint is configured.</summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        // service.name comes from the orchestrator (OTEL_SERVICE_NAME); the release is added beside it, so every trace,
        // log and metric says which version produced it.
        var version = RunningVersion(builder);
        // The same reading answers /version.
        builder.Services.TryAddSingleton(version);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddAttributes([new(ServiceVersion.AttributeName, version.Version)]))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(CareForAllTelemetry.Wildcard, NpgsqlTelemetry))
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource(builder.Environment.ApplicationName)
                    .AddSource(CareForAllTelemetry.Wildcard, RabbitMqClientSources, NpgsqlTelemetry)
                    .AddAspNetCoreInstrumentation(options =>
                        // Health probes arrive every few seconds and would drown the traces that matter.
                        options.Filter = context =>
                            !context.Request.Path.StartsWithSegments(HealthEndpointPath)
                            && !context.Request.Path.StartsWithSegments(AlivenessEndpointPath))
                    .AddHttpClientInstrumentation();

                // A load run keeps a share of whole traces (parent-based, so a kept donation is still one trace) and
                // neither records nor exports the rest. Unset: OTEL_TRACES_SAMPLER decides (always_on under the AppHost).
                if (builder.Configuration.GetValue<double?>(TraceSampleRatioKey) is { } ratio)
                {
                    tracing.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(ratio)));
                }
            });

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();

            // Every record already reaches the dashboard over OTLP, batched off the request path. The console copy is
            // written by one thread behind a bounded queue: under load every request that logs waited on its lock
            // (pledges ran at a tenth of their speed). It keeps warnings and errors, unless configuration says otherwise.
            if (!builder.Configuration.GetSection("Logging:Console:LogLevel").Exists())
            {
                builder.Logging.AddFilter<ConsoleLoggerProvider>(category: null, LogLevel.Warning);
            }
        }

        return builder;
    }

    /// <summary>Adds the liveness check every service answers on <c>/alive</c>.</summary>
    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c> (all checks), <c>/alive</c> (liveness only) and <c>/version</c> (the running release, in the
    /// envelope: <c>{ service, version, commit }</c>).
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks(HealthEndpointPath);
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") });
        app.MapGet(VersionEndpointPath, static (HttpContext context, ServiceVersion version) => EnvelopeWriter.WriteSuccessAsync(context, version))
            .ExcludeFromDescription();
        return app;
    }

    private static ServiceVersion RunningVersion(IHostApplicationBuilder builder) =>
        ServiceVersion.Of(
            Assembly.Load(new AssemblyName(builder.Environment.ApplicationName)),
            builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName);
}
