using System.Net.Http.Headers;
using System.Security.Cryptography;
using CareForAll.Pledges.Campaigns;
using CareForAll.Pledges.Features.Pledges.Create;
using CareForAll.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace CareForAll.Pledges.Tests;

/// <summary>
/// The pledges endpoints in a real Kestrel host (FastEndpoints, the envelope, JWT validation with a locally generated
/// key) over a test database. Only the read routes are called through it.
/// </summary>
internal sealed class PledgesHost : IAsyncDisposable
{
    private const string GuestTokenKey = "a-guest-token-key-of-at-least-thirty-two-characters";

    private readonly ECDsa _ecdsa;
    private readonly ECDsaSecurityKey _tokenKey;
    private readonly WebApplication _app;

    private PledgesHost(ECDsa ecdsa, ECDsaSecurityKey tokenKey, WebApplication app, HttpClient client)
    {
        _ecdsa = ecdsa;
        _tokenKey = tokenKey;
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public static async Task<PledgesHost> StartAsync(NpgsqlDataSource database)
    {
        var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var tokenKey = new ECDsaSecurityKey(ecdsa) { KeyId = "test-key" };

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Auth:GuestTokenKey"] = GuestTokenKey;
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<PledgeMetrics>();
        builder.Services.AddOptions<PledgeOptions>();
        builder.Services.AddScoped<CampaignGate>();
        // Needed to build the create endpoint; never called, since these tests only read.
        builder.Services.AddTransient(_ => new CampaignsClient(new HttpClient { BaseAddress = new Uri("http://campaigns.invalid/") }));
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton<TimeProvider>(TimeProvider.System);
        builder.Services.AddSingleton<IAccessTokenDenyList, NoDenyList>();
        builder.AddCareForAllAuthentication(_ => [tokenKey]);
        builder.AddCareForAllEndpoints(o =>
        {
            o.DisableAutoDiscovery = true;
            o.Assemblies = [typeof(PledgeLimits).Assembly];
        });

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseCareForAllEndpoints();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new PledgesHost(ecdsa, tokenKey, app, new HttpClient { BaseAddress = new Uri(address) });
    }

    /// <summary>An access token as identity issues it.</summary>
    public string Token(Guid userId, string role = "USER") => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "careforall-identity",
        Audience = "careforall",
        Expires = DateTime.UtcNow.AddMinutes(15),
        Claims = new Dictionary<string, object>
        {
            ["sub"] = userId.ToString(),
            ["role"] = role,
            ["jti"] = Guid.NewGuid().ToString(),
            ["email"] = "someone@example.org",
        },
        SigningCredentials = new SigningCredentials(_tokenKey, SecurityAlgorithms.EcdsaSha256),
    });

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
        _ecdsa.Dispose();
    }

    /// <summary>A deny-list that refuses nothing (no Redis in these tests).</summary>
    private sealed class NoDenyList : IAccessTokenDenyList
    {
        public Task DenyTokenAsync(string jti, DateTimeOffset expiresAt) => Task.CompletedTask;

        public Task SuspendUserAsync(Guid userId) => Task.CompletedTask;

        public Task ReinstateUserAsync(Guid userId) => Task.CompletedTask;

        public Task<bool> IsRefusedAsync(string jti, Guid userId) => Task.FromResult(false);
    }
}
