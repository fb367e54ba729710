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
}
