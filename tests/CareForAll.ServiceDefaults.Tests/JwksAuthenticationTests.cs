using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CareForAll.ServiceDefaults.Auth;
using CareForAll.ServiceDefaults.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shouldly;

namespace CareForAll.ServiceDefaults.Tests;

/// <summary>
/// A service without FastEndpoints (like the gateway) validating tokens with keys fetched from identity's JWKS
/// through its HttpClient pipeline (service discovery, resilience, request id).
/// </summary>
public sealed class JwksAuthenticationTests : IAsyncLifetime, IDisposable
{
    private readonly TestTokens _tokens = new("identity-key");
    private readonly FakeDenyList _denyList = new();
    private StubHandler _identity = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _identity = new StubHandler(_tokens.JwksJson);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IAccessTokenDenyList>(_denyList);
        builder.AddServiceDefaults();
        builder.AddCareForAllAuthentication();
        builder.Services.AddHttpClient(JwksSigningKeySource.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => _identity);

        _app = builder.Build();
        _app.Urls.Add("http://127.0.0.1:0");
        _app.UseCareForAllErrorEnvelope();
        _app.MapGet("/me", (HttpContext context) => context.User.UserId()).RequireAuthorization();
        _app.MapGet("/admin", () => "ok").RequireAuthorization(CareForAllPolicies.Admin);
        await _app.StartAsync();

        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public void Dispose()
    {
        _client.Dispose();
        _identity.Dispose();
        _tokens.Dispose();
    }

    [Fact]
    public async Task keys_are_fetched_from_identity_through_service_discovery_and_cached()
    {
        var userId = Guid.NewGuid();
        using var first = await GetAsync("/me", _tokens.Create(userId), "jwks-fetch-1");
        using var second = await GetAsync("/me", _tokens.Create(userId), "jwks-fetch-2");

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonSerializer.Deserialize<Guid>(await first.Content.ReadAsStringAsync()).ShouldBe(userId);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        var fetch = _identity.Requests.ShouldHaveSingleItem();
        fetch.RequestUri!.AbsolutePath.ShouldBe("/.well-known/jwks.json");
        fetch.RequestUri.Host.ShouldBe("identity");
        fetch.Headers.GetValues("X-Request-Id").Single().ShouldBe("jwks-fetch-1");
    }

    [Fact]
    public async Task a_missing_token_gets_the_401_envelope_without_fastendpoints()
    {
        using var response = await GetAsync("/me", null, null);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("success").GetBoolean().ShouldBeFalse();
        body.GetProperty("error").GetProperty("code").GetString().ShouldBe("UNAUTHORIZED");
    }

    [Fact]
    public async Task a_suspended_user_is_refused()
    {
        var userId = Guid.NewGuid();
        await _denyList.SuspendUserAsync(userId);

        using var response = await GetAsync("/me", _tokens.Create(userId), null);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task the_admin_policy_needs_the_admin_role()
    {
        using var user = await GetAsync("/admin", _tokens.Create(role: "USER"), null);
        using var admin = await GetAsync("/admin", _tokens.Create(role: "ADMIN"), null);

        user.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        admin.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? token, string? requestId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (requestId is not null)
        {
            request.Headers.Add("X-Request-Id", requestId);
        }

        return await _client.SendAsync(request);
    }
}
