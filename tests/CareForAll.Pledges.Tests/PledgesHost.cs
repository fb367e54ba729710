using System.Net.Http.Headers;
using CareForAll.Pledges.Campaigns;
using CareForAll.Pledges.Features.Pledges.Create;
using CareForAll.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CareForAll.Pledges.Tests;

/// <summary>
/// The pledges endpoints in a real Kestrel host (FastEndpoints, the envelope, JWT validation with a locally generated
/// key) over a test database. Only the read routes are called through it.
/// </summary>
internal sealed class PledgesHost : IAsyncDisposable
{
    private const string GuestTokenKey = "a-guest-token-key-of-at-least-thirty-two-characters";

    private readonly TestAccessTokens _tokens;
    private readonly WebApplication _app;

    private PledgesHost(TestAccessTokens tokens, WebApplication app, HttpClient client)
    {
        _tokens = tokens;
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public static async Task<PledgesHost> StartAsync(NpgsqlDataSource database)
    {
        var tokens = new TestAccessTokens();
        var builder = ServiceTestHost.CreateBuilder(_ => [tokens.Key], typeof(PledgeLimits).Assembly);
        builder.Configuration["Auth:GuestTokenKey"] = GuestTokenKey;
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<PledgeMetrics>();
        builder.Services.AddOptions<PledgeOptions>();
        builder.Services.AddScoped<CampaignGate>();
        // Needed to build the create endpoint; never called, since these tests only read.
        builder.Services.AddTransient(_ => new CampaignsClient(new HttpClient { BaseAddress = new Uri("http://campaigns.invalid/") }));
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton<TimeProvider>(TimeProvider.System);
        var (app, address) = await ServiceTestHost.StartAsync(builder);
        return new PledgesHost(tokens, app, new HttpClient { BaseAddress = address });
    }

    /// <summary>An access token as identity issues it.</summary>
    public string Token(Guid userId, string role = "USER") => _tokens.Issue(userId, role);

    public Task<HttpResponseMessage> GetAsync(string path, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _tokens.Dispose();
    }
}
