using System.Collections.Concurrent;
using System.Reflection;
using CareForAll.BuildingBlocks.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CareForAll.Testing;

/// <summary>
/// A fresh database with a service's schema for each test. Migrating takes longer than copying, so each schema is
/// migrated once per server into a template and every test gets a copy of it.
/// </summary>
public static class MigratedDatabases
{
    static readonly ConcurrentDictionary<(int Port, Assembly Migrations), Lazy<Task<string>>> Templates = new();

    /// <summary>A new database holding the building blocks' tables and the migrations embedded in <paramref name="migrations"/>.</summary>
    /// <param name="server">The test run's PostgreSQL server.</param>
    /// <param name="migrations">The assembly whose <c>Migrations/*.sql</c> define the schema (a service's, or a test project's).</param>
    public static async Task<NpgsqlDataSource> CreateAsync(PostgresServer server, Assembly migrations)
    {
        ArgumentNullException.ThrowIfNull(server);
        var template = await Templates.GetOrAdd((server.Port, migrations),
            key => new Lazy<Task<string>>(() => CreateTemplateAsync(server, key.Migrations))).Value;
        var name = $"test_{Guid.NewGuid():N}";
        await using (var admin = NpgsqlDataSource.Create(server.ConnectionString("postgres")))
        await using (var create = admin.CreateCommand($"CREATE DATABASE {name} TEMPLATE {template}"))
        {
            await create.ExecuteNonQueryAsync();
        }

        return NpgsqlDataSource.Create(server.ConnectionString(name));
    }

    static async Task<string> CreateTemplateAsync(PostgresServer server, Assembly migrations)
    {
        // Disposed before use as a template: nobody may be connected to a database being copied.
        await using var dataSource = await server.CreateDatabaseAsync();
        await DatabaseMigrator.MigrateAsync(dataSource, migrations, NullLogger.Instance);
        return new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).Database!;
    }
}
