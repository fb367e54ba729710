using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CareForAll.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster in a temp folder on a free port, started once per test run (as the
/// <c>postgres</c> user when the tests run as root, since PostgreSQL refuses root) and stopped on dispose.
/// Each test asks for its own fresh database.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    readonly string _root = Path.Combine(Path.GetTempPath(), $"cfa-bb-tests-{Guid.NewGuid():N}");
    string _binDirectory = "";
    int _databases;

    public int Port { get; private set; }

    string DataDirectory => Path.Combine(_root, "data");

    public async Task InitializeAsync()
    {
        _binDirectory = FindBinDirectory();
        Directory.CreateDirectory(_root);
        Port = FreePort();
        if (RunningAsRoot)
        {
            await RunAsync("chown", $"postgres:postgres {_root}", asPostgres: false);
        }

        await RunAsync(Path.Combine(_binDirectory, "initdb"),
            $"-D {DataDirectory} -U postgres --auth=trust --encoding=UTF8 --no-sync", asPostgres: true);
        var serverOptions = $"-p {Port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
            + "-c full_page_writes=off -c max_connections=200";
        await RunAsync(Path.Combine(_binDirectory, "pg_ctl"),
            $"-D {DataDirectory} -l {Path.Combine(_root, "postgres.log")} -o \"{serverOptions}\" -w -t 60 start", asPostgres: true);
    }

    public async Task DisposeAsync()
    {
        try
        {
            await RunAsync(Path.Combine(_binDirectory, "pg_ctl"), $"-D {DataDirectory} -m immediate -w -t 30 stop", asPostgres: true);
        }
        finally
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean; the next run uses a new folder.
            }
        }
    }

    /// <summary>Creates an empty database and returns a data source for it.</summary>
    public async Task<NpgsqlDataSource> CreateDatabaseAsync()
    {
        var name = $"test_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..30];
        await using (var admin = NpgsqlDataSource.Create(ConnectionString("postgres")))
        await using (var create = admin.CreateCommand($"CREATE DATABASE {name}"))
        {
            await create.ExecuteNonQueryAsync();
        }

        return NpgsqlDataSource.Create(ConnectionString(name));
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Database = database,
            MaxPoolSize = 60,
        }.ConnectionString;

    static bool RunningAsRoot => Environment.UserName == "root";

    static string FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("CAREFORALL_PG_BIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin"))
                .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;
        return installed ?? throw new InvalidOperationException(
            "PostgreSQL binaries not found: install postgresql (Debian) or set CAREFORALL_PG_BIN.");
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static async Task RunAsync(string fileName, string arguments, bool asPostgres)
    {
        var start = asPostgres && RunningAsRoot
            ? new ProcessStartInfo("runuser", $"-u postgres -- {fileName} {arguments}")
            : new ProcessStartInfo(fileName, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{fileName} {arguments}' exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
