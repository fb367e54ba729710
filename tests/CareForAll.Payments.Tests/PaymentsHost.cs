using System.Net.Http.Headers;
using System.Net.Http.Json;
using CareForAll.BuildingBlocks.Idempotency;
using CareForAll.Payments.Configuration;
using CareForAll.Payments.Notifications;
using CareForAll.Payments.Pledges;
using CareForAll.Payments.Refunds;
using CareForAll.Payments.SslCommerz;
using CareForAll.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CareForAll.Payments.Tests;

/// <summary>
/// The payments endpoints in a real Kestrel host (FastEndpoints, the envelope, Idempotency-Key, JWT validation with a
/// locally generated key) over a test database, a fake gateway and a fake pledges service.
/// </summary>
internal sealed class PaymentsHost : IAsyncDisposable
{
    public const string GuestTokenKey = "a-guest-token-key-of-at-least-thirty-two-characters";

    private readonly TestAccessTokens _tokens;
    private readonly WebApplication _app;

    private PaymentsHost(TestPayments payments, FakePledges pledges, TestAccessTokens tokens, WebApplication app, HttpClient client)
    {
        Payments = payments;
        Pledges = pledges;
        _tokens = tokens;
        _app = app;
        Client = client;
    }

    public TestPayments Payments { get; }

    public FakePledges Pledges { get; }

    public HttpClient Client { get; }

    public GuestAccessTokens GuestTokens => _app.Services.GetRequiredService<GuestAccessTokens>();

    public static async Task<PaymentsHost> StartAsync(TestPayments payments)
    {
        var pledges = new FakePledges();
        var tokens = new TestAccessTokens();

        var builder = ServiceTestHost.CreateBuilder(_ => [tokens.Key], typeof(NotificationProcessor).Assembly);
        builder.Configuration["Auth:GuestTokenKey"] = GuestTokenKey;
        var services = builder.Services;
        services.AddSingleton(payments.Database);
        services.AddSingleton<TimeProvider>(TimeProvider.System);
        services.AddSingleton(payments.Metrics);
        services.AddSingleton(Options.Create(new PaymentsOptions { PublicBaseUrl = "http://gateway.test" }));
        services.AddSingleton(Options.Create(new SslCommerzOptions { StoreId = TestPayments.StoreId, StorePassword = TestPayments.StorePassword }));
        services.AddOptions<IdempotencyKeyOptions>();
        services.AddTransient(_ => payments.Client);
        services.AddTransient(_ => new PledgesClient(new HttpClient(pledges, disposeHandler: false) { BaseAddress = new Uri("http://pledges.test/") }));
        services.AddTransient<NotificationProcessor>();
        services.AddTransient<RefundRequests>();
        var (app, address) = await ServiceTestHost.StartAsync(builder);
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };
        return new PaymentsHost(payments, pledges, tokens, app, client);
    }

    /// <summary>An access token as identity issues it.</summary>
    public string Token(Guid userId, string role = "USER") => _tokens.Issue(userId, role);

    public Task<HttpResponseMessage> PostJsonAsync(string path, object body, string? idempotencyKey = null, string? bearer = null,
        string? pledgeToken = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add(IdempotencyHeaders.Key, idempotencyKey);
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (pledgeToken is not null)
        {
            request.Headers.Add(GuestAccessTokens.PledgeTokenHeader, pledgeToken);
        }

        return Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? bearer = null, string? pledgeToken = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (pledgeToken is not null)
        {
            request.Headers.Add(GuestAccessTokens.PledgeTokenHeader, pledgeToken);
        }

        return Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostFormAsync(string path, IDictionary<string, string> fields) =>
        Client.PostAsync(path, new FormUrlEncodedContent(fields));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _tokens.Dispose();
        Pledges.Dispose();
    }
}
