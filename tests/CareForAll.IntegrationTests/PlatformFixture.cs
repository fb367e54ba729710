using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareForAll.IntegrationTests;

/// <summary>
/// The whole platform, started once per test run through the real AppHost in local mode, isolated from any
/// developer platform on this machine (own data folder, ports, RabbitMQ node and epmd).
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"careforall-tests-{Guid.NewGuid():N}");

    public DistributedApplication App { get; private set; } = null!;

    /// <summary>A client for the gateway, the one address every client of CareForAll uses.</summary>
    public HttpClient Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var cts = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CareForAll_AppHost>(
            [
                "--Infrastructure:Mode=local",
                "--Infrastructure:Local:Isolated=true",
                $"--Infrastructure:Local:DataDirectory={_dataDirectory}",
                "--Gateway:Port=0",
            ],
            (options, _) => options.DisableDashboard = true,
            cts.Token);

        builder.Services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Warning);
            logging.AddFilter("Aspire.Hosting.Dcp", LogLevel.Error);
        });

        App = await builder.BuildAsync(cts.Token);
        await App.StartAsync(cts.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("gateway", cts.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("identity", cts.Token);

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

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
