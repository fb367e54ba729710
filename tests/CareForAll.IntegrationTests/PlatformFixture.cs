using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using CareForAll.IntegrationTests.Telemetry;
using Microsoft.Extensions.Logging;

namespace CareForAll.IntegrationTests;

/// <summary>
/// The whole platform, started once per test run through the real AppHost in local mode, isolated from any
/// developer platform on this machine (own data folder, ports, RabbitMQ node and epmd).
/// </summary>
public class PlatformFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(6);

    /// <summary>Every service of the platform; the gateway waits for the others, so it is ready last.</summary>
    public static readonly string[] Services =
        ["identity", "campaigns", "pledges", "payments", "sslcommerz", "query", "notifications", "admin", "gateway"];

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"careforall-tests-{Guid.NewGuid():N}");

    public DistributedApplication App { get; private set; } = null!;

    /// <summary>A client for the gateway, the one address every client of CareForAll uses.</summary>
    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>The run's own key for guests' pledge tokens and history links, so a test can make an expired one.</summary>
    public string GuestTokenKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));

    /// <summary>What the services exported as traces during the run.</summary>
    public OtlpTraceReceiver Traces { get; } = new();

    public async Task InitializeAsync()
    {
        using var cts = new CancellationTokenSource(StartTimeout);
        await Traces.StartAsync();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CareForAll_AppHost>(
            [
                .. Services.SelectMany(service => new[]
                {
                    $"--ServiceSettings:{service}:OTEL_EXPORTER_OTLP_ENDPOINT={Traces.Endpoint.GetLeftPart(UriPartial.Authority)}",
                    $"--ServiceSettings:{service}:OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
                    $"--ServiceSettings:{service}:OTEL_BSP_SCHEDULE_DELAY=200",
                }),
                "--Infrastructure:Mode=local",
                "--Infrastructure:Local:Isolated=true",
                $"--Infrastructure:Local:DataDirectory={_dataDirectory}",
                "--Gateway:Port=0",
                $"--Parameters:guest-token-key={GuestTokenKey}",
                // Donation tests poll payments and campaigns far more often than a person would; the auth budgets (whose
                // limits the tests prove) stay as shipped.
                "--ServiceSettings:gateway:RateLimits:Budgets:campaigns:PermitLimit=100000",
                "--ServiceSettings:gateway:RateLimits:Budgets:pledges:PermitLimit=100000",
                "--ServiceSettings:gateway:RateLimits:Budgets:payments:PermitLimit=100000",
                "--ServiceSettings:gateway:RateLimits:Budgets:query:PermitLimit=100000",
                "--ServiceSettings:gateway:RateLimits:Policies:query:PermitLimit=100000",
                "--ServiceSettings:gateway:RateLimits:Budgets:admin:PermitLimit=100000",
                "--ServiceSettings:gateway:RateLimits:Budgets:notifications:PermitLimit=100000",
                // A dropped IPN is found within seconds rather than minutes.
                "--ServiceSettings:payments:Payments:Reconciliation:Interval=00:00:01",
                "--ServiceSettings:payments:Payments:Reconciliation:MinimumAge=00:00:04",
            ],
            (options, _) => options.DisableDashboard = true,
            cts.Token);

        builder.Services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Warning);
            logging.AddFilter("Aspire.Hosting.Dcp", LogLevel.Error);
            // Every service's console, forwarded: only what went wrong belongs in the test output.
            logging.AddFilter("CareForAll.AppHost.Resources", LogLevel.Warning);
        });

        App = await builder.BuildAsync(cts.Token);
        await App.StartAsync(cts.Token);
        foreach (var service in Services)
        {
            await App.ResourceNotifications.WaitForResourceHealthyAsync(service, cts.Token);
        }

        Gateway = App.CreateHttpClient("gateway", "http");
        Gateway.Timeout = TimeSpan.FromSeconds(30);
    }

    /// <summary>
    /// A gateway client whose connections come from <paramref name="clientAddress"/> (any 127.x.y.z is loopback), so a
    /// test class gets rate-limit budgets of its own, as a different donor's phone would.
    /// </summary>
    public HttpClient CreateGatewayClient(System.Net.IPAddress clientAddress)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new System.Net.IPEndPoint(clientAddress, 0));
                    await socket.ConnectAsync(System.Net.IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>
    /// Stops a resource (every replica of it) through the same command the dashboard offers, and waits until each has
    /// stopped.
    /// </summary>
    public async Task StopResourceAsync(string name, CancellationToken cancellationToken)
    {
        var resource = Resource(name);
        bool Stopped(Dictionary<string, CustomResourceSnapshot> states) =>
            states.Count >= ReplicasOf(resource) && states.Values.All(s => KnownResourceStates.TerminalStates.Contains(s.State?.Text));
        var result = await App.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand, cancellationToken);
        if (!result.Success)
        {
            // The orchestrator stops waiting on a process that is slow to stop (PostgreSQL writing its shutdown checkpoint
            // on a busy machine) while the process goes on stopping: give it a minute, then ask once more.
            using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            grace.CancelAfter(TimeSpan.FromMinutes(1));
            try
            {
                await WaitForReplicasAsync(resource, Stopped, grace.Token);
                return;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            result = await App.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand, cancellationToken);
            result.Success.ShouldBeTrue(result.Message);
        }

        await WaitForReplicasAsync(resource, Stopped, cancellationToken);
    }

    /// <summary>Starts a stopped resource (every replica of it) and waits until each one's readiness check passes.</summary>
    public async Task StartResourceAsync(string name, CancellationToken cancellationToken)
    {
        var resource = Resource(name);
        var result = await App.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand, cancellationToken);
        result.Success.ShouldBeTrue(result.Message);
        await WaitForReplicasAsync(resource, states =>
            states.Values.Count(s => s.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
                && !KnownResourceStates.TerminalStates.Contains(s.State?.Text)) >= ReplicasOf(resource), cancellationToken);
    }

    /// <summary>
    /// The address of each running replica of <paramref name="name"/> itself (not the shared proxy in front of them), so a
    /// test can speak to one replica on purpose.
    /// </summary>
    public async Task<IReadOnlyList<Uri>> ReplicaAddressesAsync(string name, CancellationToken cancellationToken)
    {
        var resource = Resource(name);
        var states = new Dictionary<string, CustomResourceSnapshot>(StringComparer.Ordinal);
        await WaitForReplicasAsync(resource, current =>
        {
            foreach (var (id, snapshot) in current)
            {
                states[id] = snapshot;
            }

            return current.Values.Count(s => s.State?.Text == KnownResourceStates.Running && s.Urls.Any(u => u.Name == "http")) >= ReplicasOf(resource);
        }, cancellationToken);
        // Behind the shared proxy each replica listens on a port of its own, which DCP hands it as ASPNETCORE_URLS.
        var running = states.Values.Where(s => s.State?.Text == KnownResourceStates.Running).ToList();
        var own = running
            .Select(s => s.EnvironmentVariables.FirstOrDefault(v => v.Name == "ASPNETCORE_URLS")?.Value?.Split(';')
                .FirstOrDefault(u => u.StartsWith("http://", StringComparison.Ordinal)))
            .ToList();
        own.ShouldAllBe(u => u != null,
            $"each replica of {name} names its own address: {string.Join(" | ", running.Select(s => string.Join(", ", s.EnvironmentVariables.Select(v => $"{v.Name}={v.Value}"))))}");
        return own.Select(u => new Uri(u!.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)))
            .Distinct().ToList();
    }

    /// <summary>Each instance of <paramref name="name"/> (one per replica) with the process DCP started for it, as it is now.</summary>
    public async Task<IReadOnlyList<(string Id, int? ProcessId)>> InstancesAsync(string name, CancellationToken cancellationToken)
    {
        var resource = Resource(name);
        var states = new Dictionary<string, CustomResourceSnapshot>(StringComparer.Ordinal);
        await WaitForReplicasAsync(resource, current =>
        {
            foreach (var (id, snapshot) in current)
            {
                states[id] = snapshot;
            }

            return current.Count >= ReplicasOf(resource);
        }, cancellationToken);
        return [.. states.Select(s => (s.Key,
            s.Value.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid
                && int.TryParse(pid.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : (int?)null))];
    }

    /// <summary>Starts one stopped or crashed instance (a single replica) and waits until it is running and healthy.</summary>
    public async Task StartInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        var result = await App.ResourceCommands.ExecuteCommandAsync(instanceId, KnownResourceCommands.StartCommand, cancellationToken);
        result.Success.ShouldBeTrue(result.Message);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(StartTimeout);
        await foreach (var change in App.ResourceNotifications.WatchAsync(deadline.Token))
        {
            if (change.ResourceId == instanceId && change.Snapshot.State?.Text == KnownResourceStates.Running
                && change.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
            {
                return;
            }
        }
    }

    private IResource Resource(string name) =>
        App.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .Single(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    private static int ReplicasOf(IResource resource) =>
        resource.Annotations.OfType<ReplicaAnnotation>().SingleOrDefault()?.Replicas ?? 1;

    /// <summary>Follows the state of every instance of <paramref name="resource"/> (the watch starts with each one's current state).</summary>
    private async Task WaitForReplicasAsync(
        IResource resource, Func<Dictionary<string, CustomResourceSnapshot>, bool> reached, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(StartTimeout);
        var states = new Dictionary<string, CustomResourceSnapshot>(StringComparer.Ordinal);
        await foreach (var change in App.ResourceNotifications.WatchAsync(deadline.Token))
        {
            if (ReferenceEquals(change.Resource, resource))
            {
                states[change.ResourceId] = change.Snapshot;
                if (reached(states))
                {
                    return;
                }
            }
        }
    }

    /// <summary>Counts rows in a service's own database, for what no API shows (e.g. that a second row was never written).</summary>
    public async Task<long> CountAsync(string database, string sql, object parameters, CancellationToken cancellationToken)
    {
        var connectionString = await App.GetConnectionStringAsync(database, cancellationToken);
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, new Dapper.CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }

    /// <summary>One value from a service's own database, for the figures the read side must agree with.</summary>
    public async Task<T> ScalarAsync<T>(string database, string sql, object parameters, CancellationToken cancellationToken)
    {
        var connectionString = await App.GetConnectionStringAsync(database, cancellationToken);
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        return (await Dapper.SqlMapper.ExecuteScalarAsync<T>(connection, new Dapper.CommandDefinition(sql, parameters, cancellationToken: cancellationToken)))!;
    }

    /// <summary>Rows of one column from a service's own database.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string database, string sql, object parameters, CancellationToken cancellationToken)
    {
        var connectionString = await App.GetConnectionStringAsync(database, cancellationToken);
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        return (await Dapper.SqlMapper.QueryAsync<T>(connection, new Dapper.CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).ToList();
    }

    public async Task DisposeAsync()
    {
        Attacks.AttackLedger.WriteReport(Environment.GetEnvironmentVariable("ATTACK_REPORT"));
        Gateway?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        await Traces.DisposeAsync();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
