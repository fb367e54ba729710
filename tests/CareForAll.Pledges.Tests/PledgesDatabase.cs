using CareForAll.BuildingBlocks.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CareForAll.Pledges.Tests;

/// <summary>A fresh database with the pledges schema, one per test.</summary>
internal static class PledgesDatabase
{
    public static async Task<NpgsqlDataSource> CreateAsync(PostgresServer server)
    {
        var dataSource = await server.CreateDatabaseAsync();
        await DatabaseMigrator.MigrateAsync(dataSource, typeof(Program).Assembly, NullLogger.Instance);
        return dataSource;
    }
}
