using System.Diagnostics;

namespace CareForAll.AppHost.Infrastructure;

/// <summary>Asks docker, then podman, whether a container engine answers (a client alone is not enough).</summary>
internal static class ContainerRuntimeProbe
{
    public static string? FindAnsweringRuntime()
    {
        foreach (var runtime in new[] { "docker", "podman" })
        {
            if (Answers(runtime))
            {
                return runtime;
            }
        }

        return null;
    }

    private static bool Answers(string runtime)
    {
        try
        {
            var startInfo = new ProcessStartInfo(runtime)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            startInfo.ArgumentList.Add("info");
            startInfo.ArgumentList.Add("--format");
            startInfo.ArgumentList.Add("{{.ServerVersion}}");

            using var process = Process.Start(startInfo);
            if (process is null)
            {
                return false;
            }

            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0 && !string.IsNullOrWhiteSpace(process.StandardOutput.ReadToEnd());
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Not installed.
            return false;
        }
    }
}
