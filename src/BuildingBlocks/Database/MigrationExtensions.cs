using System.Reflection;
using CareForAll.BuildingBlocks.Database;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

/// <summary>Applies database migrations before a service starts serving.</summary>
public static class MigrationExtensions
{
    /// <summary>
    /// Applies the building blocks' own scripts and then the service's embedded <c>Migrations/*.sql</c> scripts
    /// (in name order) to the database registered by <see cref="ServiceDatabaseExtensions.AddServiceDatabase"/>.
    /// Runs under a PostgreSQL advisory lock so replicas starting together apply each script once, and waits
    /// (bounded) for PostgreSQL to accept connections.
    /// </summary>
    /// <param name="host">The built host (call before <c>Run</c>).</param>
    /// <param name="serviceAssembly">The service assembly holding the embedded scripts, usually <c>typeof(Program).Assembly</c>.</param>
    /// <param name="cancellationToken">Cancels waiting for the database.</param>
    public static async Task MigrateDatabaseAsync(this IHost host, Assembly serviceAssembly, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(serviceAssembly);

        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrator).FullName!);
        await DatabaseMigrator.MigrateAsync(dataSource, serviceAssembly, logger, cancellationToken: cancellationToken);
    }
}
