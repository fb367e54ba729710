using System.Reflection;
using CareForAll.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace CareForAll.Testing;

/// <summary>
/// A service's endpoints in a real Kestrel host on a free loopback port, with the platform's authentication (tokens
/// checked against keys the test holds), its envelope and no Redis: what a service test calls over HTTP.
/// </summary>
public static class ServiceTestHost
{
    const string MapsEndpoints = "CareForAll.Testing.MapsEndpoints";

    /// <summary>A builder with authentication and, when <paramref name="endpoints"/> are named, their FastEndpoints.</summary>
    /// <param name="signingKeys">The keys access tokens are checked against.</param>
    /// <param name="endpoints">Assemblies whose endpoints to map (none: the test maps its own routes).</param>
    public static WebApplicationBuilder CreateBuilder(Func<IServiceProvider, IEnumerable<SecurityKey>> signingKeys, params Assembly[] endpoints)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<IAccessTokenDenyList, NoDenyList>();
        builder.AddCareForAllAuthentication(signingKeys);
        if (endpoints.Length > 0)
        {
            builder.AddCareForAllEndpoints(options =>
            {
                options.DisableAutoDiscovery = true;
                options.Assemblies = endpoints;
            });
            builder.Host.Properties[MapsEndpoints] = true;
        }

        return builder;
    }

    /// <summary>Builds and starts the host with the services' pipeline, then answers with it and its address.</summary>
    /// <param name="builder">From <see cref="CreateBuilder"/>, with the test's services added.</param>
    /// <param name="map">Routes the test maps itself, after the endpoints.</param>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(WebApplicationBuilder builder, Action<WebApplication>? map = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        // As the service defaults do: authorization's own 401 and 403 answer in the envelope too.
        app.UseCareForAllErrorEnvelope();
        app.UseAuthentication();
        app.UseAuthorization();
        if (builder.Host.Properties.ContainsKey(MapsEndpoints))
        {
            app.UseCareForAllEndpoints();
        }

        map?.Invoke(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address));
    }
}
