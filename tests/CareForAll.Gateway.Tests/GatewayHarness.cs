using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CareForAll.Gateway.Tests;

/// <summary>
/// The real gateway pipeline (everything but JWT validation and the Redis store) on a random local port, in
/// front of an <see cref="Upstream"/>. The route table mirrors the production one for auth and adds the shapes
/// later services use (a query route with a per-route policy, a cached campaign route).
/// </summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GatewayHarness(WebApplication app, Upstream upstream, HttpClient client)
    {
        _app = app;
        Upstream = upstream;
        Client = client;
    }

    public Upstream Upstream { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts a gateway; <paramref name="settings"/> override the defaults below (limits, CORS, ...),
    /// <paramref name="contentRoot"/> replaces the working directory, <paramref name="logs"/> receives its log.
    /// </summary>
    public static async Task<GatewayHarness> StartAsync(
        IDictionary<string, string?>? settings = null,
        string? contentRoot = null,
        ILoggerProvider? logs = null)
    {
        var upstream = await Upstream.StartAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ContentRootPath = contentRoot,
        });
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(DefaultSettings(upstream.Address));
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddServiceDefaults();
        builder.Services.AddAuthentication(TestAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TestAuthenticationHandler>(TestAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.AddGateway();

        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.UseGateway();
        app.MapDefaultEndpoints();
        await app.StartAsync();

        var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        return new GatewayHarness(app, upstream, client);
    }

    public static Dictionary<string, string?> DefaultSettings(string upstreamAddress)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ReverseProxy:Clusters:upstream:Destinations:one:Address"] = upstreamAddress,
            ["Gateway:MaxRequestBodyBytes"] = "1024",
            ["Cors:Origins:0"] = "https://spa.example",
        };
        AddRoute(settings, "auth", "/api/auth/{**rest}", budget: "auth");
        AddRoute(settings, "auth-login", "/api/auth/login", budget: "auth", policy: "login", anonymous: true);
        AddRoute(settings, "query", "/api/query/{**rest}", budget: "query", policy: "query");
        AddRoute(settings, "campaigns", "/api/campaigns/{**rest}", budget: "campaigns", cachePolicy: "campaign-pages");
        AddRule(settings, "Budgets:auth", 100, "00:15:00");
        AddRule(settings, "Budgets:query", 500, "00:15:00");
        AddRule(settings, "Budgets:campaigns", 200, "00:15:00");
        AddRule(settings, "Policies:login", 5, "00:01:00", "ClientAddress");
        AddRule(settings, "Policies:query", 100, "00:01:00", "UserOrClientAddress");
        return settings;
    }

    public static void AddRule(IDictionary<string, string?> settings, string name, int permits, string window, string? partitionBy = null)
    {
        settings[$"RateLimits:{name}:PermitLimit"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings[$"RateLimits:{name}:Window"] = window;
        if (partitionBy is not null)
        {
            settings[$"RateLimits:{name}:PartitionBy"] = partitionBy;
        }
    }

    private static void AddRoute(
        Dictionary<string, string?> settings,
        string id,
        string path,
        string budget,
        string? policy = null,
        string? cachePolicy = null,
        bool anonymous = false)
    {
        var prefix = $"ReverseProxy:Routes:{id}";
        settings[$"{prefix}:ClusterId"] = "upstream";
        settings[$"{prefix}:Match:Path"] = path;
        settings[$"{prefix}:Metadata:RateLimitBudget"] = budget;
        settings[$"{prefix}:RateLimiterPolicy"] = policy;
        settings[$"{prefix}:OutputCachePolicy"] = cachePolicy;
        settings[$"{prefix}:AuthorizationPolicy"] = anonymous ? "anonymous" : null;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? authorization = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        configure?.Invoke(request);
        return await Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? authorization = null) =>
        SendAsync(HttpMethod.Get, path, authorization);

    /// <summary>The headers the upstream received, from its echo.</summary>
    public static async Task<Dictionary<string, string>> ForwardedHeadersAsync(HttpResponseMessage response)
    {
        var echo = await response.Content.ReadFromJsonAsync<Echo>();
        return new Dictionary<string, string>(echo!.Headers, StringComparer.OrdinalIgnoreCase);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Upstream.DisposeAsync();
    }

    private sealed record Echo(string Path, Dictionary<string, string> Headers);
}
