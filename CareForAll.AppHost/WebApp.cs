using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace CareForAll.AppHost;

/// <summary>The SPA: its production build served by the gateway, and optionally Vite's dev server with hot reload.</summary>
internal static class WebApp
{
    /// <summary>
    /// In development the gateway serves <c>src/web/dist</c> (built by <c>eng/run.sh</c> and <c>eng/test.sh</c>); a
    /// published gateway carries the build in its own <c>wwwroot</c>.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithWebApp(this IResourceBuilder<ProjectResource> gateway, IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsRunMode)
        {
            gateway.WithEnvironment("Web__Root", Path.Combine(WebDirectory(builder), "dist"));
        }

        return gateway;
    }

    /// <summary>
    /// <c>--Web:DevServer=true</c> adds Vite's dev server (http://localhost:5173) in front of the same gateway, for
    /// editing the app with hot reload; everything else keeps using the gateway's build.
    /// </summary>
    public static void AddWebDevServer(this IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> gateway, int gatewayPort)
    {
        if (!builder.ExecutionContext.IsRunMode || !builder.Configuration.GetValue("Web:DevServer", false))
        {
            return;
        }

        var gatewayUrl = string.Create(CultureInfo.InvariantCulture, $"http://localhost:{gatewayPort}");
        builder.AddExecutable("web", "npm", WebDirectory(builder), "run", "dev")
            .WithEnvironment("CAREFORALL_GATEWAY_URL", gatewayUrl)
            .WithHttpEndpoint(port: 5173, targetPort: 5173, name: "http", isProxied: false)
            .WaitFor(gateway);
    }

    private static string WebDirectory(IDistributedApplicationBuilder builder) =>
        Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "src", "web"));
}
