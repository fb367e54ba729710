using System.Reflection;

namespace CareForAll.ServiceDefaults;

/// <summary>
/// Which release of which service is running: the semantic version stamped into the service's assembly at build time
/// from its own git tag (<c>identity-v1.2.0</c> gives 1.2.0; commits after it give 1.2.1-alpha.0.N), and the commit it
/// was built from.
/// </summary>
/// <param name="Service">The service's name, as the orchestrator and the telemetry know it.</param>
/// <param name="Version">The semantic version.</param>
/// <param name="Commit">The commit the build came from, when the build knew it.</param>
public sealed record ServiceVersion(string Service, string Version, string? Commit)
{
    /// <summary>The OpenTelemetry resource attribute that carries <see cref="Version"/>.</summary>
    public const string AttributeName = "service.version";

    /// <summary>Reads the version stamped into <paramref name="assembly"/>.</summary>
    /// <param name="assembly">The service's own assembly.</param>
    /// <param name="service">The service's name.</param>
    public static ServiceVersion Of(Assembly assembly, string service)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString(3)
            ?? "0.0.0";
        return Parse(service, informational);
    }

    /// <summary>Splits an informational version (<c>1.2.0+&lt;sha&gt;</c>: the SDK appends the commit) into version and commit.</summary>
    internal static ServiceVersion Parse(string service, string informational)
    {
        var metadata = informational.IndexOf('+', StringComparison.Ordinal);
        return metadata < 0
            ? new ServiceVersion(service, informational, null)
            : new ServiceVersion(service, informational[..metadata], informational[(metadata + 1)..]);
    }
}
