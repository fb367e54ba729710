using Npgsql;

namespace CareForAll.Pledges.Tests;

/// <summary>A fresh database with the pledges schema, one per test.</summary>
internal static class PledgesDatabase
{
    public static Task<NpgsqlDataSource> CreateAsync(PostgresServer server) =>
        MigratedDatabases.CreateAsync(server, typeof(Program).Assembly);
}
