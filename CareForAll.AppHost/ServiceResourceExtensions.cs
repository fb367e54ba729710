using Microsoft.Extensions.Configuration;

namespace CareForAll.AppHost;

/// <summary>What every CareForAll service is wired to, said once.</summary>
internal static class ServiceResourceExtensions
{
    /// <summary>The service's own database, waited for (migrations run at start).</summary>
    public static IResourceBuilder<ProjectResource> WithServiceDatabase(
        this IResourceBuilder<ProjectResource> service, IResourceBuilder<IResourceWithConnectionString> database) =>
        service.WithReference(database).WaitFor(database);

    /// <summary>Redis (the token deny-list, caches) and RabbitMQ (the outbox relay and consumers), waited for.</summary>
    public static IResourceBuilder<ProjectResource> WithMessaging(
        this IResourceBuilder<ProjectResource> service,
        IResourceBuilder<IResourceWithConnectionString> redis,
        IResourceBuilder<IResourceWithConnectionString> rabbitMQ) =>
        service.WithReference(redis).WaitFor(redis).WithReference(rabbitMQ).WaitFor(rabbitMQ);

    /// <summary>
    /// The platform's public base URL (the gateway), where SSLCommerz returns donors and posts notifications: an input
    /// when published, the local gateway address when run.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddPublicUrl(this IDistributedApplicationBuilder builder, int gatewayPort) =>
        builder.ExecutionContext.IsPublishMode || builder.Configuration["Parameters:public-url"] is not null
            ? builder.AddParameter("public-url")
            : builder.AddParameter("public-url", $"http://localhost:{gatewayPort}");

    /// <summary>
    /// Passes <c>ServiceSettings:&lt;resource&gt;:&lt;key&gt;</c> from the AppHost's configuration to that service as its
    /// configuration key (e.g. <c>--ServiceSettings:payments:Payments:Reconciliation:MinimumAge=00:00:03</c>), so a test
    /// run or a benchmark can tune one service without a code change. <c>ServiceSettings:all:&lt;key&gt;</c> goes to every
    /// service (e.g. <c>--ServiceSettings:all:Telemetry:TraceSampleRatio=0.01</c>); a service's own setting wins.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithSettingsFrom(
        this IResourceBuilder<ProjectResource> service, IConfiguration configuration)
    {
        foreach (var name in new[] { "all", service.Resource.Name })
        {
            var section = configuration.GetSection($"ServiceSettings:{name}");
            foreach (var (key, value) in section.AsEnumerable(makePathsRelative: true))
            {
                if (value is not null)
                {
                    service.WithEnvironment(key.Replace(":", "__", StringComparison.Ordinal), value);
                }
            }
        }

        return service;
    }
}
