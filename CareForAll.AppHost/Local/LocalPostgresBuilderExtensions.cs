using System.Globalization;
using System.Text.RegularExpressions;
using CareForAll.AppHost.Local.Readiness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CareForAll.AppHost.Local;

/// <summary>Adds PostgreSQL as a local process with one database per service.</summary>
public static partial class LocalPostgresBuilderExtensions
{
    /// <summary>
    /// Adds a PostgreSQL server run from Debian's binaries. The cluster is created on first use under
    /// <see cref="LocalInfrastructureOptions.DataDirectory"/>; the resource is healthy once it answers a query.
    /// </summary>
    public static IResourceBuilder<LocalPostgresServerResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, string name, LocalInfrastructureOptions options)
    {
        var binDirectories = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(v => Path.Combine(v, "bin")).ToArray()
            : [];
        var postgres = HostBinaries.Require("postgres", "postgresql", binDirectories);
        var initdb = HostBinaries.Require("initdb", "postgresql", binDirectories);
        var pgCtl = HostBinaries.Require("pg_ctl", "postgresql", binDirectories);

        var dataDirectory = Path.Combine(options.DataDirectory, "postgres");
        var supervisor = Path.Combine(builder.AppHostDirectory, "Local", "scripts", "supervise-postgres.sh");
        string[] serverArguments =
        [
            "-D", dataDirectory,
            "-p", options.PostgresPort.ToString(CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1",
            "-c", "unix_socket_directories=",
            // Every service process (replicas included, about ten) may pool up to Npgsql's default 100 connections,
            // and payment initiation holds two at once, so smaller pools deadlock under load: the server admits
            // them all, with room for LISTEN connections and tools. At 300 a benchmark met "too many clients".
            "-c", "max_connections=1100",
            // A throwaway test cluster trades durability it does not need for speed.
            .. options.Isolated ? new[] { "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off" } : [],
        ];
        var (fileName, arguments) = ProcessRunner.AsPostgresUser(postgres, serverArguments);

        var server = new LocalPostgresServerResource(name, supervisor, options.DataDirectory, dataDirectory);

        builder.Eventing.Subscribe<BeforeStartEvent>((_, ct) => InitializeClusterAsync(initdb, pgCtl, dataDirectory, ct));
        builder.Eventing.Subscribe<ResourceReadyEvent>(server, (@event, ct) => CreateDatabasesAsync(server, @event.Services, ct));

        var healthCheckKey = $"{name}_ready";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey,
            _ => new PostgresReadinessCheck(ct => server.ConnectionStringExpression.GetValueAsync(ct)),
            failureStatus: null,
            tags: null));

        return builder.AddResource(server)
            .WithArgs([fileName, .. arguments])
            .WithEndpoint(port: options.PostgresPort, targetPort: options.PostgresPort, scheme: "tcp",
                name: LocalPostgresServerResource.PrimaryEndpointName, isProxied: false)
            .WithIconName("DatabaseMultiple")
            .WithHealthCheck(healthCheckKey)
            .ExcludeFromManifest();
    }

    /// <summary>Adds a database that is created on the server as soon as the server is ready.</summary>
    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<LocalPostgresServerResource> builder, string name, string? databaseName = null)
    {
        databaseName ??= name;
        if (!DatabaseNamePattern().IsMatch(databaseName))
        {
            throw new ArgumentException($"'{databaseName}' is not a plain lower-case database name.", nameof(databaseName));
        }

        builder.Resource.AddDatabase(name, databaseName);
        var database = new LocalPostgresDatabaseResource(name, databaseName, builder.Resource);

        var healthCheckKey = $"{name}_ready";
        builder.ApplicationBuilder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey,
            _ => new PostgresReadinessCheck(ct => database.ConnectionStringExpression.GetValueAsync(ct)),
            failureStatus: null,
            tags: null));

        return builder.ApplicationBuilder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabase",
                State = KnownResourceStates.Waiting,
                Properties = [new("database", databaseName)],
            })
            .WithParentRelationship(builder)
            .WithIconName("Database")
            .WithHealthCheck(healthCheckKey)
            .ExcludeFromManifest();
    }

    private static async Task InitializeClusterAsync(string initdb, string pgCtl, string dataDirectory, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await StopLeftoverServerAsync(pgCtl, dataDirectory, cancellationToken);
            return;
        }

        Directory.CreateDirectory(dataDirectory);
        if (ProcessRunner.IsRoot)
        {
            await ProcessRunner.RunAsync("chown", ["postgres:postgres", dataDirectory], cancellationToken);
        }

        var (fileName, arguments) = ProcessRunner.AsPostgresUser(initdb,
            "-D", dataDirectory, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-instructions");
        await ProcessRunner.RunAsync(fileName, arguments, cancellationToken);
    }

    /// <summary>A server left running by an AppHost that was killed would hold the data folder and the port; stop it.</summary>
    private static async Task StopLeftoverServerAsync(string pgCtl, string dataDirectory, CancellationToken cancellationToken)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return;
        }

        var firstLine = (await File.ReadAllLinesAsync(pidFile, cancellationToken)).FirstOrDefault();
        if (int.TryParse(firstLine, CultureInfo.InvariantCulture, out var pid) && Directory.Exists($"/proc/{pid}"))
        {
            var (fileName, arguments) = ProcessRunner.AsPostgresUser(pgCtl, "stop", "-D", dataDirectory, "-m", "fast", "-w");
            await ProcessRunner.TryRunAsync(fileName, arguments, cancellationToken);
        }
    }

    private static async Task CreateDatabasesAsync(LocalPostgresServerResource server, IServiceProvider services, CancellationToken cancellationToken)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var logger = services.GetRequiredService<ResourceLoggerService>().GetLogger(server);
        var connectionString = await server.ConnectionStringExpression.GetValueAsync(cancellationToken)
            ?? throw new DistributedApplicationException($"'{server.Name}' has no connection string.");

        await using var connection = new NpgsqlConnection(connectionString + ";Database=postgres;Pooling=false");
        await connection.OpenAsync(cancellationToken);

        var model = services.GetRequiredService<DistributedApplicationModel>();
        foreach (var database in model.Resources.OfType<LocalPostgresDatabaseResource>().Where(d => d.Parent == server))
        {
            await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection))
            {
                exists.Parameters.AddWithValue("name", database.DatabaseName);
                if (await exists.ExecuteScalarAsync(cancellationToken) is null)
                {
                    // CREATE DATABASE takes no parameters; the name was checked against DatabaseNamePattern when it was added.
                    await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.DatabaseName}\"", connection);
                    await create.ExecuteNonQueryAsync(cancellationToken);
                    logger.LogInformation("Created database {Database}", database.DatabaseName);
                }
            }

            await notifications.PublishUpdateAsync(database, state => state with
            {
                State = KnownResourceStates.Running,
                StartTimeStamp = DateTime.UtcNow,
            });
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseNamePattern();
}
