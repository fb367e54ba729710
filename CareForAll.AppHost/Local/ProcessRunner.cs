using System.Diagnostics;

namespace CareForAll.AppHost.Local;

/// <summary>Runs short set-up commands (initdb, epmd -kill) to completion from the AppHost itself.</summary>
internal static class ProcessRunner
{
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>Runs a command and throws with its output when it fails.</summary>
    public static async Task RunAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken, IDictionary<string, string>? environment = null)
    {
        var (exitCode, output) = await TryRunAsync(fileName, arguments, cancellationToken, environment);
        if (exitCode != 0)
        {
            throw new DistributedApplicationException($"'{fileName} {string.Join(' ', arguments)}' failed with exit code {exitCode}: {output}");
        }
    }

    /// <summary>Runs a command and returns its exit code and combined output.</summary>
    public static async Task<(int ExitCode, string Output)> TryRunAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken, IDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[key] = value;
        }

        using var process = Process.Start(startInfo) ?? throw new DistributedApplicationException($"Could not start '{fileName}'.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, (await stdout + await stderr).Trim());
    }

    /// <summary>Arguments that run <paramref name="command"/> as the postgres user when the AppHost runs as root (PostgreSQL refuses root).</summary>
    public static (string FileName, string[] Arguments) AsPostgresUser(string command, params string[] arguments) =>
        IsRoot
            ? ("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", command, .. arguments])
            : (command, arguments);
}
