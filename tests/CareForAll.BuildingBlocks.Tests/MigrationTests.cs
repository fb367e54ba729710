using CareForAll.BuildingBlocks.Database;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareForAll.BuildingBlocks.Tests;

[Collection(PostgresGroup.Name)]
public sealed class MigrationTests(PostgresServer server)
{
    [Fact]
    public async Task replicas_migrating_at_once_apply_each_script_exactly_once()
    {
        await using var dataSource = await server.CreateDatabaseAsync();

        // test_effects is created without IF NOT EXISTS: without the advisory lock some runs would fail.
        var runs = Enumerable.Range(0, 6).Select(_ => Task.Run(() =>
            DatabaseMigrator.MigrateAsync(dataSource, typeof(MigrationTests).Assembly, NullLogger.Instance)));
        await Task.WhenAll(runs);

        (await TestDatabase.CountAsync(dataSource, "SELECT count(*) FROM schemaversions")).ShouldBe(2);
        (await TestDatabase.CountAsync(dataSource,
            "SELECT count(*) FROM schemaversions WHERE scriptname LIKE 'CareForAll.BuildingBlocks.Migrations.%'")).ShouldBe(1);
        (await TestDatabase.CountAsync(dataSource, """
            SELECT count(*) FROM information_schema.tables
            WHERE table_schema = 'public'
              AND table_name IN ('outbox_messages', 'inbox_messages', 'idempotency_keys', 'test_effects')
            """)).ShouldBe(4);
    }

    [Fact]
    public async Task building_block_scripts_run_before_the_service_scripts()
    {
        await using var dataSource = await TestDatabase.CreateMigratedAsync(server);
        await using var command = dataSource.CreateCommand("SELECT scriptname FROM schemaversions ORDER BY schemaversionsid");
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        names.ShouldBe([
            "CareForAll.BuildingBlocks.Migrations.0001_building_blocks.sql",
            "CareForAll.BuildingBlocks.Tests.Migrations.0001_test_effects.sql",
        ]);
    }

    [Fact]
    public async Task migrating_again_changes_nothing_and_the_lock_is_released()
    {
        await using var dataSource = await TestDatabase.CreateMigratedAsync(server);
        await DatabaseMigrator.MigrateAsync(dataSource, typeof(MigrationTests).Assembly, NullLogger.Instance);

        (await TestDatabase.CountAsync(dataSource, "SELECT count(*) FROM schemaversions")).ShouldBe(2);
        (await TestDatabase.CountAsync(dataSource, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")).ShouldBe(0);
    }

    [Theory]
    [InlineData("CareForAll.Identity.Migrations.0001_users.sql", true)]
    [InlineData("CareForAll.Identity.Migrations.Seed.0002_admin.SQL", true)]
    [InlineData("CareForAll.Identity.Features.Auth.query.sql", false)]
    [InlineData("CareForAll.Identity.Migrations.readme.md", false)]
    public void only_sql_resources_under_migrations_are_scripts(string resourceName, bool expected)
    {
        DatabaseMigrator.IsMigrationScript(resourceName).ShouldBe(expected);
    }

    [Fact]
    public async Task an_unreachable_server_is_retried_until_the_startup_timeout()
    {
        await using var dataSource = Npgsql.NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=postgres;Timeout=1");
        var started = System.Diagnostics.Stopwatch.StartNew();
        await Should.ThrowAsync<Npgsql.NpgsqlException>(() =>
            DatabaseMigrator.MigrateAsync(dataSource, typeof(MigrationTests).Assembly, NullLogger.Instance, TimeSpan.FromSeconds(2)));
        started.Elapsed.ShouldBeGreaterThan(TimeSpan.FromSeconds(1));
    }
}
