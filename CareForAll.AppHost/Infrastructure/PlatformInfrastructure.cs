namespace CareForAll.AppHost.Infrastructure;

/// <summary>
/// The shared infrastructure, with the same resource and connection-string names whichever mode provides it, so
/// services never know which one they run on.
/// </summary>
public sealed class PlatformInfrastructure(
    InfrastructureMode mode,
    Func<string, IResourceBuilder<IResourceWithConnectionString>> addDatabase,
    IResourceBuilder<IResourceWithConnectionString> redis,
    IResourceBuilder<IResourceWithConnectionString> rabbitMQ,
    IResourceBuilder<IResourceWithConnectionString> smtp)
{
    /// <summary>The mode in effect (never <see cref="InfrastructureMode.Auto"/>).</summary>
    public InfrastructureMode Mode { get; } = mode;

    /// <summary>Redis, connection name <c>redis</c>.</summary>
    public IResourceBuilder<IResourceWithConnectionString> Redis { get; } = redis;

    /// <summary>RabbitMQ, connection name <c>rabbitmq</c>.</summary>
    public IResourceBuilder<IResourceWithConnectionString> RabbitMQ { get; } = rabbitMQ;

    /// <summary>Outgoing mail, connection name <c>smtp</c>: the sink in development, real SMTP settings when published.</summary>
    public IResourceBuilder<IResourceWithConnectionString> Smtp { get; } = smtp;

    /// <summary>
    /// Adds a service's own database (named after the service) on the shared PostgreSQL server. The resource and
    /// connection name is <c>{service}db</c>, since resource names must differ from the service's own.
    /// </summary>
    public IResourceBuilder<IResourceWithConnectionString> AddDatabase(string service) => addDatabase(service);

    /// <summary>Adds one database per service; the result is keyed by service name.</summary>
    public IReadOnlyDictionary<string, IResourceBuilder<IResourceWithConnectionString>> AddDatabases(params string[] services) =>
        services.ToDictionary(service => service, AddDatabase, StringComparer.OrdinalIgnoreCase);
}
