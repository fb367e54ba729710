using System.Globalization;
using System.Text.RegularExpressions;

namespace CareForAll.Bench;

/// <summary>
/// The platform's processes, read from /proc: each service (and replica) on its own line, each piece of
/// infrastructure as the sum of its processes (PostgreSQL's backends, RabbitMQ's Erlang helpers).
/// </summary>
internal static partial class Processes
{
    // Linux's USER_HZ, the unit of utime and stime in /proc/<pid>/stat, is 100 on every architecture .NET runs on.
    private const double TicksPerSecond = 100;

    public static IReadOnlyList<ProcessUsage> Snapshot(IReadOnlyDictionary<string, double>? cpuBefore = null)
    {
        var rows = new List<ProcessUsage>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText($"{directory}/cmdline").Replace('\0', ' ');
                var command = File.ReadAllText($"{directory}/comm").Trim();
                if (Classify(command, commandLine) is not { } name)
                {
                    continue;
                }

                var status = File.ReadAllText($"{directory}/status");
                var rollup = File.ReadAllText($"{directory}/smaps_rollup");
                var stat = File.ReadAllText($"{directory}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var cpu = (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
                rows.Add(new ProcessUsage(name, pid, Kilobytes(status, "VmRSS") / 1024, Kilobytes(rollup, "Pss") / 1024, cpu, 0));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The process ended while being read.
            }
        }

        // Services are one line per process (replicas apart); infrastructure is one line per kind.
        var grouped = rows
            .GroupBy(row => IsService(row.Name) ? $"{row.Name}#{row.Pid}" : row.Name)
            .Select(group => new ProcessUsage(
                group.First().Name,
                group.Count() == 1 ? group.First().Pid : 0,
                Math.Round(group.Sum(row => row.RssMb), 1),
                Math.Round(group.Sum(row => row.PssMb), 1),
                Math.Round(group.Sum(row => row.CpuSeconds), 1),
                0))
            .Select(usage => usage with
            {
                CpuSecondsDuringLoad = Math.Round(usage.CpuSeconds - (cpuBefore?.GetValueOrDefault(Key(usage)) ?? 0), 1),
            })
            .OrderBy(usage => IsService(usage.Name) ? 0 : 1)
            .ThenBy(usage => usage.Name, StringComparer.Ordinal)
            .ToList();
        return grouped;
    }

    /// <summary>CPU seconds so far per line of <see cref="Snapshot"/>, to subtract at the end.</summary>
    public static IReadOnlyDictionary<string, double> Cpu() => Snapshot().ToDictionary(Key, usage => usage.CpuSeconds);

    public static bool IsService(string name) => !Infrastructure.Contains(name);

    private static readonly HashSet<string> Infrastructure =
        ["postgresql", "rabbitmq", "redis", "smtp4dev", "orchestrator (dcp)", "apphost", "sslcommerz-sandbox", "launchers (dotnet run)", "dashboard"];

    private static string Key(ProcessUsage usage) => IsService(usage.Name) ? $"{usage.Name}#{usage.Pid}" : usage.Name;

    private static string? Classify(string command, string commandLine)
    {
        if (commandLine.Contains("CareForAll.Bench", StringComparison.Ordinal))
        {
            return null;
        }

        // The orchestrator starts each service through `dotnet run`, which stays as the service's parent.
        if (commandLine.StartsWith("dotnet run ", StringComparison.Ordinal))
        {
            return "launchers (dotnet run)";
        }

        if (Service().Match(commandLine) is { Success: true } service)
        {
            return service.Groups[1].Value switch
            {
                "SslCommerzSandbox" => "sslcommerz-sandbox",
                "AppHost" => "apphost",
                var other => other.ToLowerInvariant(),
            };
        }

        return command switch
        {
            "postgres" => "postgresql",
            "redis-server" => "redis",
            "beam.smp" or "erl_child_setup" or "epmd" or "inet_gethost" => "rabbitmq",
            "dcp" or "dcpctrl" or "dcpproc" => "orchestrator (dcp)",
            _ when commandLine.Contains("Aspire.Dashboard", StringComparison.Ordinal) => "dashboard",
            _ when commandLine.Contains("smtp4dev", StringComparison.OrdinalIgnoreCase) => "smtp4dev",
            _ => null,
        };
    }

    private static double Kilobytes(string text, string field)
    {
        var match = Regex.Match(text, $@"^{field}:\s+(\d+) kB", RegexOptions.Multiline);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"CareForAll\.(Gateway|Identity|Campaigns|Pledges|Payments|Query|Notifications|Admin|SslCommerzSandbox|AppHost)\b")]
    private static partial Regex Service();
}
