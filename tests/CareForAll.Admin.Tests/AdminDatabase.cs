using CareForAll.Admin.Events;
using CareForAll.BuildingBlocks.Messaging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CareForAll.Admin.Tests;

/// <summary>A fresh, migrated admin database per test, events handled as the consumer host handles them.</summary>
internal sealed class AdminDatabase(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public FixedClock Clock { get; } = FixedClock.At("2026-11-20T10:16:30Z");

    public static async Task<AdminDatabase> CreateAsync(PostgresServer server) =>
        new(await MigratedDatabases.CreateAsync(server, typeof(AdminMetrics).Assembly));

    /// <summary>
    /// Handles <paramref name="envelope"/> in its own transaction, as one delivery does (the inbox, which would drop a
    /// second delivery of the same envelope, is the building blocks' concern; this shows what happens without it).
    /// </summary>
    public async Task HandleAsync(IntegrationEvent envelope)
    {
        var handler = new AdminEventHandler(Clock, TestMeters.Metrics, NullLogger<AdminEventHandler>.Instance);
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await handler.HandleAsync(new EventContext<System.Text.Json.JsonElement>(envelope, envelope.Data, connection, transaction), CancellationToken.None);
        await transaction.CommitAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters) => ScalarAsync<long>(sql, parameters);

    public async ValueTask DisposeAsync() => await DataSource.DisposeAsync();
}
