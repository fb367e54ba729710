using System.Diagnostics;

namespace CareForAll.SslCommerzSandbox;

/// <summary>The sandbox's trace source (exported by the service defaults, which listen to CareForAll.*).</summary>
internal static class SandboxTelemetry
{
    public static readonly ActivitySource Source = new("CareForAll.SslCommerzSandbox");
}
