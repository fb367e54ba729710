using Microsoft.Extensions.Configuration;

namespace CareForAll.AppHost.Local;

/// <summary>
/// Where the local infrastructure processes keep their data and which ports they listen on.
/// </summary>
/// <remarks>
/// A developer's platform keeps its data under the AppHost's gitignored <c>.data</c> folder on fixed ports, so it
/// survives restarts and tools can find it. An isolated run (the test suite) gets a throwaway folder, free ports and
/// its own RabbitMQ node name and epmd port, so it can run beside a developer's platform on the same machine.
/// </remarks>
public sealed record LocalInfrastructureOptions
{
    /// <summary>Folder holding one sub-folder per process (postgres, redis, rabbitmq, smtp).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>True when the data folder is throwaway and should be removed when the AppHost stops.</summary>
    public required bool Isolated { get; init; }

    /// <summary>Suffix that makes the RabbitMQ node name unique to this run.</summary>
    public required string InstanceName { get; init; }

    public required int PostgresPort { get; init; }
    public required int RedisPort { get; init; }
    public required int RabbitMQPort { get; init; }
    public required int RabbitMQManagementPort { get; init; }
    public required int RabbitMQDistributionPort { get; init; }
    public required int EpmdPort { get; init; }
    public required int SmtpPort { get; init; }
    public required int SmtpWebPort { get; init; }

    /// <summary>Reads <c>Infrastructure:Local</c>; <c>Isolated=true</c> switches to a throwaway folder and free ports.</summary>
    public static LocalInfrastructureOptions From(IConfiguration configuration, string appHostDirectory)
    {
        var section = configuration.GetSection("Infrastructure:Local");
        var isolated = section.GetValue("Isolated", false);
        if (isolated)
        {
            var id = Guid.NewGuid().ToString("N")[..10];
            var ports = FreePorts.Take(8);
            return new LocalInfrastructureOptions
            {
                DataDirectory = Path.GetFullPath(section["DataDirectory"] ?? Path.Combine(Path.GetTempPath(), $"careforall-{id}")),
                Isolated = true,
                InstanceName = id,
                PostgresPort = ports[0],
                RedisPort = ports[1],
                RabbitMQPort = ports[2],
                RabbitMQManagementPort = ports[3],
                RabbitMQDistributionPort = ports[4],
                EpmdPort = ports[5],
                SmtpPort = ports[6],
                SmtpWebPort = ports[7],
            };
        }

        var fixedPorts = section.GetSection("Ports");
        return new LocalInfrastructureOptions
        {
            DataDirectory = Path.GetFullPath(section["DataDirectory"] ?? Path.Combine(appHostDirectory, ".data")),
            Isolated = false,
            InstanceName = "dev",
            PostgresPort = fixedPorts.GetValue("Postgres", 54329),
            RedisPort = fixedPorts.GetValue("Redis", 63799),
            RabbitMQPort = fixedPorts.GetValue("RabbitMQ", 56729),
            RabbitMQManagementPort = fixedPorts.GetValue("RabbitMQManagement", 15679),
            RabbitMQDistributionPort = fixedPorts.GetValue("RabbitMQDistribution", 25679),
            EpmdPort = fixedPorts.GetValue("Epmd", 43699),
            SmtpPort = fixedPorts.GetValue("Smtp", 2529),
            SmtpWebPort = fixedPorts.GetValue("SmtpWeb", 5089),
        };
    }
}
