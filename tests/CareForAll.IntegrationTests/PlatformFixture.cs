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
public sealed class PlatformFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    /// <summary>Every service of the platform; the gateway waits for the others, so it is ready last.</summary>
    public static readonly string[] Services = ["identity", "campaigns", "pledges", "payments", "sslcommerz", "gateway"];

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"careforall-tests-{Guid.NewGuid():N}");

    public DistributedApplication App { get; private set; } = null!;

    /// <summary>A client for the gateway, the one address every client of CareForAll uses.</summary>
    public HttpClient Gateway { get; private set; } = null!;

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
                // Donation tests poll payments and campaigns far more often than a person would; the auth budgets (whose
                // limits the tests prove) stay as shipped.
                "--ServiceSettings:gateway:RateLimits:Budgets:campaigns:PermitLimit=100000",
                "--ServiceSettings:gateway:RateLimits:Budgets:pledges:PermitLimit=100000",
                "--ServiceSettings:gateway:RateLimits:Budgets:payments:PermitLimit=100000",
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

    /// <summary>Stops a resource through the same command the dashboard offers, and waits until it has stopped.</summary>
    public async Task StopResourceAsync(string name, CancellationToken cancellationToken)
    {
        var result = await App.ResourceCommands.ExecuteCommandAsync(name, KnownResourceCommands.StopCommand, cancellationToken);
        result.Success.ShouldBeTrue(result.Message);
        await App.ResourceNotifications.WaitForResourceAsync(name, KnownResourceStates.TerminalStates, cancellationToken);
    }

    /// <summary>Starts a stopped resource and waits until its readiness check passes.</summary>
    public async Task StartResourceAsync(string name, CancellationToken cancellationToken)
    {
        var result = await App.ResourceCommands.ExecuteCommandAsync(name, KnownResourceCommands.StartCommand, cancellationToken);
        result.Success.ShouldBeTrue(result.Message);
        await App.ResourceNotifications.WaitForResourceHealthyAsync(name, cancellationToken);
    }

    /// <summary>Counts rows in a service's own database, for what no API shows (e.g. that a second row was never written).</summary>
    public async Task<long> CountAsync(string database, string sql, object parameters, CancellationToken cancellationToken)
    {
        var connectionString = await App.GetConnectionStringAsync(database, cancellationToken);
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, new Dapper.CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }

    public async Task DisposeAsync()
    {
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
