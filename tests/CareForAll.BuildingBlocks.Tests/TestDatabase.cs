using Npgsql;

namespace CareForAll.BuildingBlocks.Tests;

internal static class TestDatabase
{
    /// <summary>A fresh database with the building blocks' tables and the tests' own <c>test_effects</c>.</summary>
    public static Task<NpgsqlDataSource> CreateMigratedAsync(PostgresServer server) =>
        MigratedDatabases.CreateAsync(server, typeof(TestDatabase).Assembly);

    public static async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
