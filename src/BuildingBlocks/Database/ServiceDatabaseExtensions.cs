using CareForAll.BuildingBlocks.Idempotency;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers a service's own PostgreSQL database.</summary>
public static class ServiceDatabaseExtensions
{
    /// <summary>
    /// Registers an <see cref="Npgsql.NpgsqlDataSource"/> for the connection string <paramref name="connectionName"/>
    /// (Aspire's Npgsql integration: health check, tracing, metrics) and the hourly cleanup of expired
    /// Idempotency-Key rows kept in that database.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="connectionName">The connection string name the AppHost gives the service, e.g. <c>identity</c>.</param>
    public static IHostApplicationBuilder AddServiceDatabase(this IHostApplicationBuilder builder, string connectionName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);

        var database = builder.Configuration.GetSection("Database");
        builder.AddNpgsqlDataSource(connectionName, configureDataSourceBuilder: dataSource =>
        {
            var settings = dataSource.ConnectionStringBuilder;
            // Every service sends the same few statements all day: parse and plan each once per connection.
            settings.MaxAutoPrepare = database.GetValue("MaxAutoPrepare", 64);
            settings.AutoPrepareMinUsages = 2;
            // A transaction its client has stopped talking to (a request wedged after a cancelled command) would hold
            // its row locks for good, and every later notification for that payment would wait behind it: the server
            // ends such a session instead. Longer than any transaction here waits on an HTTP call.
            var idleInTransaction = database.GetValue("IdleInTransactionTimeout", TimeSpan.FromSeconds(60));
            settings.Options = $"{settings.Options} -c idle_in_transaction_session_timeout={(long)idleInTransaction.TotalMilliseconds}".Trim();
        });
        builder.Services.AddOptions<IdempotencyKeyOptions>().BindConfiguration(IdempotencyKeyOptions.SectionName);
        builder.Services.AddHostedService<IdempotencyKeyCleanup>();
        return builder;
    }
}
