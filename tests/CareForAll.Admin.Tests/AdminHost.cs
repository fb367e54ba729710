using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CareForAll.Admin.Features.SystemNotifications.DeadLetters;
using CareForAll.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CareForAll.Admin.Tests;

/// <summary>
/// The admin endpoints in a real Kestrel host (FastEndpoints, the envelope, JWT validation with a locally generated
/// key, the owner clients with their resilience handler) over a test database, fake owning services and a fake
/// dead-letter counter.
/// </summary>
internal sealed class AdminHost : IAsyncDisposable
{
    public static readonly TimeSpan PartTimeout = TimeSpan.FromSeconds(2);

    private readonly TestAccessTokens _tokens;
    private readonly WebApplication _app;
    private string? _adminToken;

    private AdminHost(
        AdminDatabase database, FakeOwners owners, FakeDeadLetters deadLetters, TestAccessTokens tokens, WebApplication app, HttpClient client)
    {
        Database = database;
        Owners = owners;
        DeadLetters = deadLetters;
        _tokens = tokens;
        _app = app;
        Client = client;
    }

    public AdminDatabase Database { get; }

    public FakeOwners Owners { get; }

    public FakeDeadLetters DeadLetters { get; }

    public HttpClient Client { get; }

    /// <summary>
    /// Every route the admin service's endpoints map, with its methods (FastEndpoints' own test-support route left out).
    /// </summary>
    public IReadOnlyList<RouteEndpoint> Routes =>
    [
        .. ((IEndpointRouteBuilder)_app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(route => route.Metadata.GetMetadata<FastEndpoints.EndpointDefinition>() is not null),
    ];

    public static async Task<AdminHost> StartAsync(AdminDatabase database)
    {
        var tokens = new TestAccessTokens();
        FakeOwners owners = new();
        FakeDeadLetters deadLetters = new();

        var builder = ServiceTestHost.CreateBuilder(_ => [tokens.Key], typeof(AdminMetrics).Assembly);
        builder.Configuration["Admin:Services:Identity"] = "http://identity";
        builder.Configuration["Admin:Services:Campaigns"] = "http://campaigns";
        builder.Configuration["Admin:Services:Pledges"] = "http://pledges";
        builder.Configuration["Admin:Services:Payments"] = "http://payments";
        builder.Configuration["Admin:Services:Query"] = "http://query";
        builder.Configuration["Admin:Dashboard:PartTimeout"] = PartTimeout.ToString();
        var services = builder.Services;
        services.AddSingleton(database.DataSource);
        services.AddSingleton<TimeProvider>(database.Clock);
        services.AddSingleton(TestMeters.Metrics);
        services.AddSingleton<IDeadLetterCounter>(deadLetters);
        services.AddAdminCore();
        services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => owners));

        var (app, address) = await ServiceTestHost.StartAsync(builder);
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };
        return new AdminHost(database, owners, deadLetters, tokens, app, client);
    }

    /// <summary>An access token as identity issues it.</summary>
    public string Token(Guid userId, string role = "ADMIN") =>
        _tokens.Issue(userId, role, role == "ADMIN" ? "admin@careforall.org" : "someone@example.org");

    /// <summary>One admin's token for the whole test, so what the owners received can be compared with it.</summary>
    public string AdminToken => _adminToken ??= Token(Events.AdminId);

    public Task<HttpResponseMessage> SendAsync(
        HttpMethod method,
        string path,
        string? bearer,
        object? body = null,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _tokens.Dispose();
        Owners.Dispose();
    }
}
