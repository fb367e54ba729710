using System.Net.Sockets;
using System.Reflection;
using DbUp;
using DbUp.Postgresql;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CareForAll.BuildingBlocks.Database;

/// <summary>
/// Applies embedded SQL scripts with DbUp. Several replicas may start together: a session-level advisory lock
/// makes them take turns, and the journal table (<c>schemaversions</c>) makes the later ones find nothing to do.
/// </summary>
public static class DatabaseMigrator
{
    /// <summary>Advisory lock key shared by every migrator of a database (advisory locks are per database).</summary>
    public const long AdvisoryLockKey = 0x43_46_41_4D_49_47_52_54; // "CFAMIGRT"

    /// <summary>How long to keep trying while PostgreSQL is not yet reachable.</summary>
    public static readonly TimeSpan DefaultStartupTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Applies the building blocks' scripts and then <paramref name="serviceAssembly"/>'s embedded resources
    /// named <c>*.Migrations.*.sql</c>, each group in name order, each script in its own transaction.
    /// </summary>
    /// <param name="dataSource">The service database.</param>
    /// <param name="serviceAssembly">The assembly holding the service's scripts.</param>
    /// <param name="logger">Where DbUp reports progress.</param>
    /// <param name="startupTimeout">How long to retry while PostgreSQL refuses connections; default 60 s.</param>
    /// <param name="cancellationToken">Cancels waiting for the database or the lock.</param>
    public static async Task MigrateAsync(
        NpgsqlDataSource dataSource,
        Assembly serviceAssembly,
        ILogger logger,
        TimeSpan? startupTimeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(serviceAssembly);
        ArgumentNullException.ThrowIfNull(logger);

        await using var lockConnection = await OpenWithRetryAsync(dataSource, logger, startupTimeout ?? DefaultStartupTimeout, cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", lockConnection))
        {
            take.Parameters.AddWithValue("key", AdvisoryLockKey);
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            var ownAssembly = typeof(DatabaseMigrator).Assembly;
            Upgrade(dataSource, ownAssembly, logger);
            if (serviceAssembly != ownAssembly)
            {
                Upgrade(dataSource, serviceAssembly, logger);
            }
        }
        finally
        {
            // Released explicitly: a pooled connection's session (and so its lock) can outlive Close.
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", lockConnection);
            release.Parameters.AddWithValue("key", AdvisoryLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>Whether an embedded resource name is a migration script.</summary>
    /// <param name="resourceName">The manifest resource name, e.g. <c>CareForAll.Identity.Migrations.0001_users.sql</c>.</param>
    public static bool IsMigrationScript(string resourceName)
    {
        ArgumentNullException.ThrowIfNull(resourceName);
        return resourceName.Contains(".Migrations.", StringComparison.Ordinal)
            && resourceName.EndsWith(".sql", StringComparison.OrdinalIgnoreCase);
    }

    static void Upgrade(NpgsqlDataSource dataSource, Assembly assembly, ILogger logger)
    {
        var engine = DeployChanges.To
            .PostgresqlDatabase(new PostgresqlConnectionManager(dataSource))
            .WithScriptsEmbeddedInAssembly(assembly, IsMigrationScript)
            .WithTransactionPerScript()
            .WithVariablesDisabled()
            .LogTo(logger)
            .Build();

        var result = engine.PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException(
                $"Database migration failed in script '{result.ErrorScript?.Name}' of {assembly.GetName().Name}.", result.Error);
        }
    }

    static async Task<NpgsqlConnection> OpenWithRetryAsync(
        NpgsqlDataSource dataSource, ILogger logger, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                return await dataSource.OpenConnectionAsync(cancellationToken);
            }
            catch (Exception ex) when (IsNotYetReachable(ex) && DateTimeOffset.UtcNow + delay < deadline)
            {
                logger.LogWarning("PostgreSQL is not reachable yet ({Reason}); retrying in {Delay}.", ex.Message, delay);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 3000));
            }
        }
    }

    static bool IsNotYetReachable(Exception ex) => ex switch
    {
        // 57P03: the server is starting up; 3D000: the database is not created yet by the orchestrator.
        PostgresException pg => pg.SqlState is "57P03" or "3D000",
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException,
        SocketException or TimeoutException => true,
        _ => false,
    };
}
