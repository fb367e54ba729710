using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace CareForAll.Bench;

/// <summary>Runs wrk (Debian's) with one of the Lua scripts in bench/wrk, which reports its figures as JSON.</summary>
internal static class Wrk
{
    public static async Task<LoadResult> RunAsync(
        Options options, string name, Uri target, string route, string script, IReadOnlyDictionary<string, string> environment,
        TimeSpan duration)
    {
        var output = Path.Combine(Path.GetTempPath(), $"careforall-wrk-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "-t", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
            "-c", options.Connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{(int)duration.TotalSeconds}s",
            "--timeout", "10s",
            "-s", Path.GetFullPath(Path.Combine(options.WrkScripts, script)),
            target.ToString(),
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["BENCH_WRK_DIR"] = Path.GetFullPath(options.WrkScripts);
        start.Environment["BENCH_WRK_OUT"] = output;
        // Keys and donor addresses never repeat between runs (a warm-up's keys would come back as replays).
        start.Environment["BENCH_RUN"] = Guid.NewGuid().ToString("N")[..12];
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start");
        var stdout = wrk.StandardOutput.ReadToEndAsync();
        var stderr = wrk.StandardError.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        if (wrk.ExitCode != 0 || !File.Exists(output))
        {
            throw new InvalidOperationException($"wrk failed ({wrk.ExitCode}): {await stderr}{await stdout}");
        }

        var json = JsonNode.Parse(await File.ReadAllTextAsync(output))!;
        File.Delete(output);
        var seconds = (double)json["durationUs"]! / 1e6;
        var requests = (long)json["requests"]!;
        var errors = json["errors"]!.AsObject().Sum(error => (long)error.Value!);
        var latency = json["latencyUs"]!;
        double Ms(string key) => Math.Round((double)latency[key]! / 1000, 2);
        return new LoadResult
        {
            Name = name,
            Target = route,
            Connections = options.Connections,
            Seconds = Math.Round(seconds, 2),
            Requests = requests,
            Errors = errors,
            RequestsPerSecond = Math.Round((requests - errors) / seconds, 0),
            Latency = new Percentiles((int)Math.Min(requests, int.MaxValue), Ms("p50"), Ms("p90"), Ms("p99"), Ms("max")),
        };
    }
}
