using System.Globalization;
using CareForAll.AppHost.Local.Readiness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CareForAll.AppHost.Local;

/// <summary>Adds Redis as a local process.</summary>
public static class LocalRedisBuilderExtensions
{
    /// <summary>Adds redis-server on loopback with an append-only file under the data folder; healthy once it answers PING.</summary>
    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(
        this IDistributedApplicationBuilder builder, string name, LocalInfrastructureOptions options)
    {
        var redisServer = HostBinaries.Require("redis-server", "redis-server");
        var dataDirectory = Path.Combine(options.DataDirectory, "redis");
        Directory.CreateDirectory(dataDirectory);

        var healthCheckKey = $"{name}_ready";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new RedisPingCheck(options.RedisPort), failureStatus: null, tags: null));

        var resource = new LocalRedisResource(name, redisServer, dataDirectory);
        return builder.AddResource(resource)
            .WithArgs(
                "--port", options.RedisPort.ToString(CultureInfo.InvariantCulture),
                "--bind", "127.0.0.1",
                "--dir", dataDirectory,
                "--daemonize", "no",
                // The deny-list and caches must survive a restart of the developer's platform; a test run needs no disk at all.
                "--appendonly", options.Isolated ? "no" : "yes",
                "--save", "",
                "--pidfile", Path.Combine(dataDirectory, "redis.pid"))
            .WithEndpoint(port: options.RedisPort, targetPort: options.RedisPort, scheme: "tcp",
                name: LocalRedisResource.PrimaryEndpointName, isProxied: false)
            .WithIconName("Memory")
            .WithHealthCheck(healthCheckKey)
            .ExcludeFromManifest();
    }
}
