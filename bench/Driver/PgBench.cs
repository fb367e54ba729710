using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CareForAll.Bench;

/// <summary>
/// pgbench's simple-update transaction (<c>-N</c>) against the platform's own PostgreSQL server, in a database of its
/// own: what one short write transaction costs on this machine, the yardstick for creating pledges.
/// </summary>
internal static partial class PgBench
{
    private const string Database = "careforall_pgbench";
    private const int Scale = 10;

    public static async Task<PgBenchResult> RunAsync(Options options, TimeSpan duration)
    {
        string[] server = ["-h", "127.0.0.1", "-p", options.PostgresPort.ToString(CultureInfo.InvariantCulture), "-U", "postgres"];
        await RunToolAsync(options, "dropdb", [.. server, "--if-exists", Database]);
        await RunToolAsync(options, "createdb", [.. server, Database]);
        await RunToolAsync(options, "pgbench", [.. server, "-i", "-q", "-s", Scale.ToString(CultureInfo.InvariantCulture), Database]);
        var clients = options.Connections;
        var output = await RunToolAsync(options, "pgbench",
        [
            .. server, "-N", "-c", clients.ToString(CultureInfo.InvariantCulture),
            "-j", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
            "-T", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture), Database,
        ]);
        await RunToolAsync(options, "dropdb", [.. server, "--if-exists", Database]);
        var tps = Tps().Match(output);
        var latency = LatencyAverage().Match(output);
        if (!tps.Success || !latency.Success)
        {
            throw new InvalidOperationException($"pgbench printed no tps or latency:\n{output}");
        }

        return new PgBenchResult(
            clients, duration.TotalSeconds, Math.Round(double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture), 0),
            double.Parse(latency.Groups[1].Value, CultureInfo.InvariantCulture), Scale);
    }

    private static async Task<string> RunToolAsync(Options options, string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(options.PgBin, tool)) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await stderr}");
        }

        return await stdout + await stderr;
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();

    [GeneratedRegex(@"latency average = ([0-9.]+) ms")]
    private static partial Regex LatencyAverage();
}
