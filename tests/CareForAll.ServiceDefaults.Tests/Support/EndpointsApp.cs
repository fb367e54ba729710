using System.Net.Http.Json;
using System.Text.Json;
using CareForAll.ServiceDefaults.Tests.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.ServiceDefaults.Tests.Support;

/// <summary>
/// A real service on a random loopback port, wired exactly as a CareForAll service is (FastEndpoints keeps global
/// state, so the whole test run shares this one app).
/// </summary>
public sealed class EndpointsApp : IAsyncLifetime
{
    public const long BodyLimit = 1024;

    private WebApplication? _app;

    internal TestTokens Tokens { get; } = new("key-1");

    internal TestTokens ForeignTokens { get; } = new("key-1");

    internal FakeDenyList DenyList { get; } = new();

    internal ScopeCapturingLoggerProvider Logs { get; } = new();

    internal StubHandler Downstream { get; } = new(() => "\"downstream ok\"");

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = BodyLimit);
        builder.Logging.ClearProviders().AddProvider(Logs);
        builder.Services.AddSingleton<IAccessTokenDenyList>(DenyList);

        builder.AddServiceDefaults();
        builder.AddCareForAllEndpoints(d =>
        {
            d.DisableAutoDiscovery = true;
            d.Assemblies = [typeof(ReturnsData).Assembly];
        });
        builder.AddCareForAllAuthentication(_ => [Tokens.Key]);
        builder.Services.AddHttpClient(CallsOut.ClientName).ConfigurePrimaryHttpMessageHandler(() => Downstream);

        _app = builder.Build();
        _app.Urls.Add("http://127.0.0.1:0");
        _app.MapDefaultEndpoints();
        _app.UseCareForAllEndpoints();
        await _app.StartAsync();

        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Tokens.Dispose();
        ForeignTokens.Dispose();
    }

    public static async Task<JsonElement> BodyOf(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
