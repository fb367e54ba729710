namespace CareForAll.AppHost.Local;

/// <summary>Finds the Debian binaries the local infrastructure runs, and says which package to install when one is missing.</summary>
public static class HostBinaries
{
    /// <summary>Returns the full path of <paramref name="name"/>, looking in <paramref name="extraDirectories"/> and then PATH.</summary>
    /// <exception cref="DistributedApplicationException">The binary is missing; the message names the package.</exception>
    public static string Require(string name, string debianPackage, params string[] extraDirectories)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var candidates = extraDirectories
            .Concat(path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            .Select(dir => Path.Combine(dir, name));

        return candidates.FirstOrDefault(File.Exists)
            ?? throw new DistributedApplicationException(
                $"Local infrastructure needs '{name}', which is not installed. Install the Debian package '{debianPackage}' " +
                $"(sudo apt-get update && sudo apt-get install -y {debianPackage}), run eng/run.sh which installs it, " +
                "or start a container runtime and set Infrastructure:Mode=containers.");
    }
}
