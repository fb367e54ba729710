using System.Globalization;
using CareForAll.AppHost.Local.Readiness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CareForAll.AppHost.Local;

/// <summary>Adds RabbitMQ as a local process.</summary>
public static class LocalRabbitMQBuilderExtensions
{
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    /// <summary>
    /// Adds a RabbitMQ node with the management plugin on. Its node name, distribution port and epmd port are this
    /// platform's own, so a test run and a developer's platform never share an Erlang node or epmd.
    /// </summary>
    public static IResourceBuilder<LocalRabbitMQResource> AddLocalRabbitMQ(
        this IDistributedApplicationBuilder builder, string name, LocalInfrastructureOptions options)
    {
        // The /usr/sbin wrapper switches to the rabbitmq user; the script under /usr/lib runs the node as we are.
        if (!File.Exists(ServerScript))
        {
            HostBinaries.Require("rabbitmq-server-missing", "rabbitmq-server");
        }

        HostBinaries.Require("epmd", "erlang-base");

        var root = Path.Combine(options.DataDirectory, "rabbitmq");
        var home = Path.Combine(root, "home");
        Directory.CreateDirectory(home);
        Directory.CreateDirectory(Path.Combine(root, "log"));

        var config = Path.Combine(root, "rabbitmq.conf");
        File.WriteAllLines(config,
        [
            $"listeners.tcp.default = 127.0.0.1:{options.RabbitMQPort}",
            "management.tcp.ip = 127.0.0.1",
            $"management.tcp.port = {options.RabbitMQManagementPort}",
            "log.console = true",
            "log.console.level = warning",
            "log.file = false",
        ]);
        var plugins = Path.Combine(root, "enabled_plugins");
        File.WriteAllText(plugins, "[rabbitmq_management].\n");

        var healthCheckKey = $"{name}_ready";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new AmqpHandshakeCheck(options.RabbitMQPort), failureStatus: null, tags: null));

        builder.Services.AddHostedService(sp => new EpmdCleanup(sp.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>(), options.EpmdPort));

        var supervisor = Path.Combine(builder.AppHostDirectory, "Local", "scripts", "supervise-rabbitmq.sh");
        var resource = new LocalRabbitMQResource(name, supervisor, root);
        return builder.AddResource(resource)
            .WithArgs(ServerScript)
            .WithEnvironment("HOME", home)
            .WithEnvironment("RABBITMQ_NODENAME", $"careforall-{options.InstanceName}@localhost")
            .WithEnvironment("RABBITMQ_NODE_PORT", options.RabbitMQPort.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("RABBITMQ_DIST_PORT", options.RabbitMQDistributionPort.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("ERL_EPMD_PORT", options.EpmdPort.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("ERL_EPMD_ADDRESS", "127.0.0.1")
            .WithEnvironment("RABBITMQ_MNESIA_BASE", Path.Combine(root, "mnesia"))
            .WithEnvironment("RABBITMQ_LOG_BASE", Path.Combine(root, "log"))
            .WithEnvironment("RABBITMQ_PID_FILE", Path.Combine(root, "rabbitmq.pid"))
            .WithEnvironment("RABBITMQ_CONFIG_FILE", config)
            .WithEnvironment("RABBITMQ_ENABLED_PLUGINS_FILE", plugins)
            .WithEnvironment("RABBITMQ_CONF_ENV_FILE", Path.Combine(root, "rabbitmq-env.conf"))
            .WithEndpoint(port: options.RabbitMQPort, targetPort: options.RabbitMQPort, scheme: "tcp",
                name: LocalRabbitMQResource.PrimaryEndpointName, isProxied: false)
            .WithEndpoint(port: options.RabbitMQManagementPort, targetPort: options.RabbitMQManagementPort, scheme: "http",
                name: LocalRabbitMQResource.ManagementEndpointName, isProxied: false)
            .WithUrlForEndpoint(LocalRabbitMQResource.ManagementEndpointName, url => url.DisplayText = "Management UI")
            .WithIconName("Mail")
            .WithHealthCheck(healthCheckKey)
            .ExcludeFromManifest();
    }
}
