using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace CareForAll.ServiceDefaults.Tests.Support;

/// <summary>A throwaway redis-server on a free loopback port, without persistence, stopped on dispose.</summary>
public sealed class RedisServer : IAsyncLifetime
{
    private Process? _process;

    public string ConnectionString { get; private set; } = string.Empty;

    public IConnectionMultiplexer Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        const string binary = "/usr/bin/redis-server";
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException("These tests need redis-server: apt-get install -y redis-server");
        }

        var port = FreePort();
        _process = Process.Start(new ProcessStartInfo(binary)
        {
            ArgumentList = { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no" },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        ConnectionString = $"127.0.0.1:{port}";

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            try
            {
                Connection = await ConnectionMultiplexer.ConnectAsync(ConnectionString + ",abortConnect=true,connectTimeout=500");
                await Connection.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException) when (!timeout.IsCancellationRequested)
            {
                await Task.Delay(100, timeout.Token); // poll until Redis answers or the deadline passes
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (Connection is not null)
        {
            await Connection.DisposeAsync();
        }

        if (_process is { HasExited: false })
        {
            _process.Kill();
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
