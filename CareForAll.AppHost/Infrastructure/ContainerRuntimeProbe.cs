using CareForAll.AppHost.Local;

namespace CareForAll.AppHost.Infrastructure;

/// <summary>Asks docker, then podman, whether a container engine answers (a client alone is not enough).</summary>
internal static class ContainerRuntimeProbe
{
    private static readonly string[] Runtimes = ["docker", "podman"];

    public static string? FindAnsweringRuntime() =>
        Runtimes.FirstOrDefault(runtime =>
        {
            var (exitCode, output) = ProcessRunner.TryRun(runtime, ["info", "--format", "{{.ServerVersion}}"], TimeSpan.FromSeconds(10));
            return exitCode == 0 && !string.IsNullOrWhiteSpace(output);
        });
}
