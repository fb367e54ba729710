using System.Diagnostics;
using System.Diagnostics.Metrics;
using Aspire.Hosting.Testing;
using CareForAll.BuildingBlocks.Messaging;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CareForAll.IntegrationTests.Messaging;

/// <summary>
/// A consumer of <c>user.registered</c> built from the same building blocks every service uses, running in the test
/// process against the platform's RabbitMQ and a database of its own on the platform's PostgreSQL.
/// </summary>
public sealed class RegistrationLedger : IAsyncDisposable
{
    public const string QueueName = "integration-tests.registrations";

    private readonly IHost _host;
    private readonly NpgsqlDataSource _database;
    private readonly MeterListener _listener = new();
    private readonly ActivityListener _spans;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ActivityTraceId, byte> _consumedTraces = new();
    private long _duplicatesSkipped;

    private RegistrationLedger(IHost host)
    {
        _host = host;
        _database = host.Services.GetRequiredService<NpgsqlDataSource>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MessagingNames.TelemetryName && instrument.Name == "careforall.messaging.duplicates_skipped")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        // This consumer is the only one in the test process, so every duplicate of user.registered counted here is its own.
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Value as string == "user.registered")
                {
                    Interlocked.Add(ref _duplicatesSkipped, value);
                    return;
                }
            }
        });
        _listener.Start();

        // The consumer's spans, to see which traces its work joined.
        _spans = new ActivityListener
        {
            ShouldListenTo = source => source.Name == MessagingNames.TelemetryName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Kind == ActivityKind.Consumer)
                {
                    _consumedTraces.TryAdd(activity.TraceId, 0);
                }
            },
        };
        ActivitySource.AddActivityListener(_spans);
    }

    /// <summary>Whether this consumer handled an event as part of the trace <paramref name="traceId"/>.</summary>
    public bool ConsumedWithin(ActivityTraceId traceId) => _consumedTraces.ContainsKey(traceId);

    /// <summary>Redelivered events this consumer's inbox has skipped so far.</summary>
    public long DuplicatesSkipped => Interlocked.Read(ref _duplicatesSkipped);

    public static async Task<RegistrationLedger> StartAsync(Aspire.Hosting.DistributedApplication app, CancellationToken cancellationToken)
    {
        var server = await app.GetConnectionStringAsync("postgres", cancellationToken)
            ?? throw new InvalidOperationException("The platform has no PostgreSQL connection string.");
        var rabbitMQ = await app.GetConnectionStringAsync("rabbitmq", cancellationToken)
            ?? throw new InvalidOperationException("The platform has no RabbitMQ connection string.");

        await using (var admin = new NpgsqlConnection(server + ";Database=postgres"))
        {
            await admin.OpenAsync(cancellationToken);
            var exists = await admin.ExecuteScalarAsync<int?>("SELECT 1 FROM pg_database WHERE datname = 'registration_ledger'");
            if (exists is null)
            {
                await admin.ExecuteAsync("CREATE DATABASE registration_ledger");
            }
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:ledgerdb"] = server + ";Database=registration_ledger",
            ["ConnectionStrings:rabbitmq"] = rabbitMQ,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddServiceDatabase("ledgerdb");
        builder.AddEventConsumer(QueueName, consumer => consumer.Handle<UserRegistered, RecordRegistration>("user.registered"));

        var host = builder.Build();
        await host.MigrateDatabaseAsync(typeof(RegistrationLedger).Assembly, cancellationToken);
        var ledger = new RegistrationLedger(host);
        await host.StartAsync(cancellationToken);

        // Events published before the queue is bound never reach it, so the tests start only once it is.
        var health = host.Services.GetRequiredService<HealthCheckService>();
        await WaitUntilAsync(
            async () => (await health.CheckHealthAsync(check => check.Name == $"rabbitmq-queue-{QueueName}", cancellationToken)).Status == HealthStatus.Healthy,
            TimeSpan.FromSeconds(60),
            "the consumer's queue is declared and bound");
        return ledger;
    }

    /// <summary>How many times the handler's effect happened for <paramref name="userId"/> (0 if never).</summary>
    public async Task<int> TimesHandledAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT times_handled FROM registration_ledger WHERE user_id = @userId", new { userId }, cancellationToken: cancellationToken)) ?? 0;
    }

    /// <summary>Waits, up to <paramref name="timeout"/>, until <paramref name="condition"/> holds.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting until {what}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100)); // poll interval
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        _spans.Dispose();
        await _host.StopAsync();
        _host.Dispose();
    }
}
