using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CareForAll.Query.Tests;

/// <summary>A throwaway <c>redis-server</c> on a free port for the pub/sub tests, stopped on dispose.</summary>
public sealed class RedisServer : IAsyncLifetime
{
    private Process? _process;

    public int Port { get; private set; }

    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,connectRetry=10";

    public async Task InitializeAsync()
    {
        Port = FreePort();
        var start = new ProcessStartInfo(
            Environment.GetEnvironmentVariable("CAREFORALL_REDIS_SERVER") ?? "redis-server",
            $"--port {Port} --bind 127.0.0.1 --save \"\" --appendonly no --protected-mode no")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start (install redis-server).");
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        await Eventually.UntilAsync(async () =>
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(20), "redis-server did not accept connections");
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
