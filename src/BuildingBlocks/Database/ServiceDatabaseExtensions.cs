using CareForAll.BuildingBlocks.Idempotency;
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

        builder.AddNpgsqlDataSource(connectionName);
        builder.Services.AddOptions<IdempotencyKeyOptions>().BindConfiguration(IdempotencyKeyOptions.SectionName);
        builder.Services.AddHostedService<IdempotencyKeyCleanup>();
        return builder;
    }
}
