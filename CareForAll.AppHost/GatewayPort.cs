using Microsoft.Extensions.Configuration;

namespace CareForAll.AppHost;

/// <summary>The port of the gateway, the platform's one public address.</summary>
internal static class GatewayPort
{
    /// <summary><c>Gateway:Port</c> (8080 by default); 0 picks a free port, for test runs beside a developer's platform.</summary>
    public static int Resolve(IConfiguration configuration)
    {
        var port = configuration.GetValue("Gateway:Port", 8080);
        return port == 0 ? FreePorts.Take(1)[0] : port;
    }
}
