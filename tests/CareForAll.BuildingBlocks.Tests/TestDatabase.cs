using CareForAll.BuildingBlocks.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CareForAll.BuildingBlocks.Tests;

internal static class TestDatabase
{
    /// <summary>A fresh database with the building blocks' tables and the tests' own <c>test_effects</c>.</summary>
    public static async Task<NpgsqlDataSource> CreateMigratedAsync(PostgresServer server)
    {
        var dataSource = await server.CreateDatabaseAsync();
        await DatabaseMigrator.MigrateAsync(dataSource, typeof(TestDatabase).Assembly, NullLogger.Instance);
        return dataSource;
    }

    public static async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
