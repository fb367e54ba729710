using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CareForAll.AppHost.Local.Readiness;

/// <summary>Ready when PostgreSQL answers a query on the given connection string, not merely when its process runs.</summary>
internal sealed class PostgresReadinessCheck(Func<CancellationToken, ValueTask<string?>> connectionString) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var value = await connectionString(cancellationToken);
            if (string.IsNullOrEmpty(value))
            {
                return HealthCheckResult.Unhealthy("The connection string is not known yet.");
            }

            var builder = new NpgsqlConnectionStringBuilder(value) { Pooling = false, Timeout = 3 };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not accept connections yet.", ex);
        }
    }
}
