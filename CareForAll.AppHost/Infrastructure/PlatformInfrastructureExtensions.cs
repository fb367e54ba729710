using CareForAll.AppHost.Local;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareForAll.AppHost.Infrastructure;

/// <summary>Chooses and adds the platform's infrastructure.</summary>
public static class PlatformInfrastructureExtensions
{
    // Pinned so every developer and CI run the same major and minor PostgreSQL.
    private const string PostgresImageTag = "17.6";
    private const string SmtpSinkImage = "rnwood/smtp4dev";
    private const string SmtpSinkImageTag = "3.15.0";

    /// <summary>
    /// Adds PostgreSQL, Redis, RabbitMQ and the SMTP sink according to <c>Infrastructure:Mode</c>
    /// (<c>auto</c>, <c>containers</c> or <c>local</c>). Publishing describes the container form, or with
    /// <c>managed</c> the connection strings of services run elsewhere.
    /// </summary>
    public static PlatformInfrastructure AddPlatformInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var (mode, reason) = ResolveMode(builder);
        builder.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
        {
            @event.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CareForAll.AppHost.Infrastructure")
                .LogInformation("Infrastructure mode: {Mode} ({Reason})", mode, reason);
            return Task.CompletedTask;
        });

        return mode switch
        {
            InfrastructureMode.Local => AddLocal(builder),
            InfrastructureMode.Managed => AddManaged(builder),
            _ => AddContainers(builder),
        };
    }

    private static (InfrastructureMode Mode, string Reason) ResolveMode(IDistributedApplicationBuilder builder)
    {
        var configured = builder.Configuration["Infrastructure:Mode"] ?? "auto";
        if (builder.ExecutionContext.IsPublishMode)
        {
            return string.Equals(configured, nameof(InfrastructureMode.Managed), StringComparison.OrdinalIgnoreCase)
                ? (InfrastructureMode.Managed, "set by Infrastructure:Mode: the deployment is given connection strings to managed services")
                : (InfrastructureMode.Containers, "publishing describes containers unless Infrastructure:Mode is managed");
        }

        if (!Enum.TryParse<InfrastructureMode>(configured, ignoreCase: true, out var mode) || mode == InfrastructureMode.Managed)
        {
            throw new DistributedApplicationException(
                $"Infrastructure:Mode must be auto, containers or local, not '{configured}' (managed is for publishing only).");
        }

        if (mode != InfrastructureMode.Auto)
        {
            return (mode, "set by Infrastructure:Mode");
        }

        var runtime = ContainerRuntimeProbe.FindAnsweringRuntime();
        return runtime is null
            ? (InfrastructureMode.Local, "no container runtime answered, so PostgreSQL, Redis, RabbitMQ and smtp4dev run as local processes")
            : (InfrastructureMode.Containers, $"{runtime} answered");
    }

    private static PlatformInfrastructure AddContainers(IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres").WithImageTag(PostgresImageTag).WithDataVolume();
        var redis = builder.AddRedis("redis");
        var rabbitMQ = builder.AddRabbitMQ("rabbitmq").WithManagementPlugin();

        IResourceBuilder<IResourceWithConnectionString> smtp = builder.ExecutionContext.IsPublishMode
            // A real mail service when deployed: host, port and credentials arrive as one secret connection string.
            ? builder.AddConnectionString("smtp")
            : builder.AddResource(new SmtpSinkContainerResource("smtp"))
                .WithImage(SmtpSinkImage, SmtpSinkImageTag)
                .WithEndpoint(targetPort: 25, name: SmtpSinkContainerResource.SmtpEndpointName, scheme: "tcp")
                .WithHttpEndpoint(targetPort: 80, name: SmtpSinkContainerResource.WebEndpointName)
                .WithUrlForEndpoint(SmtpSinkContainerResource.WebEndpointName, url => url.DisplayText = "Mail UI")
                // A donation rush sends thousands of mails; the default keeps only the last hundred.
                .WithEnvironment("ServerOptions__NumberOfMessagesToKeep", "100000")
                .ExcludeFromManifest();

        return new PlatformInfrastructure(InfrastructureMode.Containers, service => postgres.AddDatabase($"{service}db", service), redis, rabbitMQ, smtp);
    }

    /// <summary>
    /// Services run elsewhere: every connection string is a secret input of the deployment, under the same names the
    /// containers would have given, so no service changes.
    /// </summary>
    private static PlatformInfrastructure AddManaged(IDistributedApplicationBuilder builder) =>
        new(
            InfrastructureMode.Managed,
            service => builder.AddConnectionString($"{service}db"),
            builder.AddConnectionString("redis"),
            builder.AddConnectionString("rabbitmq"),
            builder.AddConnectionString("smtp"));

    private static PlatformInfrastructure AddLocal(IDistributedApplicationBuilder builder)
    {
        var options = LocalInfrastructureOptions.From(builder.Configuration, builder.AppHostDirectory);
        Directory.CreateDirectory(options.DataDirectory);

        var postgres = builder.AddLocalPostgres("postgres", options);
        var redis = builder.AddLocalRedis("redis", options);
        var rabbitMQ = builder.AddLocalRabbitMQ("rabbitmq", options);
        var smtp = builder.AddLocalSmtpSink("smtp", options);

        return new PlatformInfrastructure(InfrastructureMode.Local, service => postgres.AddDatabase($"{service}db", service), redis, rabbitMQ, smtp);
    }
}
