using CareForAll.BuildingBlocks.Messaging;
using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

/// <summary>The internal route that tells an admin how this service's outbox is doing.</summary>
public static class MessagingStatusEndpoint
{
    /// <summary>The route; internal, so the gateway never routes it.</summary>
    public const string Path = "/internal/messaging/status";

    // Counted in the partial index of unsent rows, which stays small however many sent rows await cleanup.
    // attempts is bumped when a row is claimed, so a row claimed once whose lease is still running is a first
    // attempt in flight, not a failure.
    const string StatusSql = """
        SELECT count(*),
               COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8,
               count(*) FILTER (WHERE attempts > 1 OR (attempts = 1 AND (locked_until IS NULL OR locked_until < now())))
        FROM outbox_messages
        WHERE sent_at IS NULL
        """;

    /// <summary>
    /// Maps <c>GET /internal/messaging/status</c> (ADMIN only): <see cref="MessagingStatus"/> of this service's
    /// <c>outbox_messages</c> in the success envelope. Needs <c>AddServiceDatabase</c> and the admin policy of
    /// <c>AddCareForAllAuthentication</c>.
    /// </summary>
    /// <param name="endpoints">The application.</param>
    /// <param name="serviceName">
    /// The name to answer with; by default the telemetry service name (<c>OTEL_SERVICE_NAME</c>, which the AppHost sets
    /// to the resource name), else the application name.
    /// </param>
    public static IEndpointConventionBuilder MapMessagingStatus(this IEndpointRouteBuilder endpoints, string? serviceName = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var service = serviceName ?? DefaultServiceName(endpoints.ServiceProvider);
        return endpoints
            .MapGet(Path, (RequestDelegate)(context => WriteStatusAsync(context, service)))
            .RequireAuthorization(CareForAllPolicies.Admin);
    }

    /// <summary>Reads the outbox's backlog in one statement.</summary>
    /// <param name="dataSource">The service's database.</param>
    /// <param name="service">The name to answer with.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static async Task<MessagingStatus> ReadAsync(NpgsqlDataSource dataSource, string service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var command = dataSource.CreateCommand(StatusSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new MessagingStatus(service, reader.GetInt64(0), reader.GetDouble(1), reader.GetInt64(2));
    }

    static string DefaultServiceName(IServiceProvider services) =>
        services.GetService<IConfiguration>()?["OTEL_SERVICE_NAME"] is { Length: > 0 } configured
            ? configured
            : services.GetRequiredService<IHostEnvironment>().ApplicationName;

    static async Task WriteStatusAsync(HttpContext context, string service)
    {
        var dataSource = context.RequestServices.GetRequiredService<NpgsqlDataSource>();
        var status = await ReadAsync(dataSource, service, context.RequestAborted);
        await EnvelopeWriter.WriteSuccessAsync(context, status);
    }
}
