using System.ComponentModel;
using System.Diagnostics;

namespace CareForAll.AppHost.Local;

/// <summary>Runs short commands to completion from the AppHost itself (initdb, pg_ctl, epmd -kill, docker info).</summary>
internal static class ProcessRunner
{
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>Runs a command and throws with its output when it fails.</summary>
    public static async Task RunAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var (exitCode, output) = await TryRunAsync(fileName, arguments, cancellationToken);
        if (exitCode != 0)
        {
            throw new DistributedApplicationException($"'{fileName} {string.Join(' ', arguments)}' failed with exit code {exitCode}: {output}");
        }
    }

    /// <summary>
    /// Runs a command and returns its exit code and combined output; exit code -1 when it is not installed. A
    /// cancelled run kills the command.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> TryRunAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken)
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

        Process? process;
        try
        {
            process = Process.Start(startInfo);
        }
        catch (Win32Exception)
        {
            return (-1, $"'{fileName}' is not installed.");
        }

        using (process)
        {
            if (process is null)
            {
                return (-1, $"'{fileName}' could not be started.");
            }

            try
            {
                var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
                var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
                await process.WaitForExitAsync(cancellationToken);
                return (process.ExitCode, (await stdout + await stderr).Trim());
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
        }
    }

    /// <summary>Runs a command for at most <paramref name="timeout"/>, from code that cannot await (start-up choices, shutdown callbacks).</summary>
    public static (int ExitCode, string Output) TryRun(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            return TryRunAsync(fileName, arguments, cancellation.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            return (-1, $"'{fileName}' did not finish within {timeout.TotalSeconds:0} s.");
        }
    }

    /// <summary>Arguments that run <paramref name="command"/> as the postgres user when the AppHost runs as root (PostgreSQL refuses root).</summary>
    public static (string FileName, string[] Arguments) AsPostgresUser(string command, params string[] arguments) =>
        IsRoot
            ? ("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", command, .. arguments])
            : (command, arguments);
}
