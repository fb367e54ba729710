namespace CareForAll.AppHost.Infrastructure;

/// <summary>How the AppHost provides PostgreSQL, Redis, RabbitMQ and the SMTP sink.</summary>
public enum InfrastructureMode
{
    /// <summary>Containers when a container runtime answers, local processes otherwise.</summary>
    Auto,

    /// <summary>Aspire's container resources (and, when publishing, their managed equivalents).</summary>
    Containers,

    /// <summary>The machine's own binaries run as processes; for machines without a container runtime.</summary>
    Local,

    /// <summary>
    /// Published only: PostgreSQL (one database per service), Redis and RabbitMQ are services run elsewhere (Azure
    /// Database for PostgreSQL, Azure Managed Redis, a hosted RabbitMQ), each given to the deployment as a secret
    /// connection string instead of a container.
    /// </summary>
    Managed,
}
