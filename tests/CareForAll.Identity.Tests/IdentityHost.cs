using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CareForAll.Identity.Passwords;
using CareForAll.Identity.Tokens;
using CareForAll.Identity.Verification;
using CareForAll.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CareForAll.Identity.Tests;

/// <summary>
/// The identity endpoints in a real Kestrel host (FastEndpoints, the envelope, JWT validation with identity's own
/// key) over a fresh migrated database and a clock the test moves. Redis is replaced by a deny-list that refuses
/// nothing. Access-token validation uses the real time, so a test that moves the clock only calls anonymous routes
/// afterwards.
/// </summary>
internal sealed class IdentityHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private IdentityHost(NpgsqlDataSource database, FixedClock clock, WebApplication app, HttpClient client)
    {
        Database = database;
        Clock = clock;
        _app = app;
        Client = client;
    }

    public NpgsqlDataSource Database { get; }

    public FixedClock Clock { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<IdentityHost> StartAsync(PostgresServer server, Action<EmailVerificationOptions>? verification = null)
    {
        var database = await MigratedDatabases.CreateAsync(server, typeof(SessionIssuer).Assembly);
        // Whole seconds: the database keeps microseconds, and times compared across it should not differ by a tick.
        var clock = new FixedClock(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

        var builder = ServiceTestHost.CreateBuilder(
            sp => [sp.GetRequiredService<SigningKey>().PublicSecurityKey], typeof(SessionIssuer).Assembly);
        var services = builder.Services;
        services.AddSingleton(database);
        services.AddSingleton<TimeProvider>(clock);
        services.AddOptions<AuthOptions>().Configure(o => o.SigningKey = SigningKey.GeneratePem());
        services.AddOptions<TokenLifetimes>();
        services.AddOptions<PasswordOptions>();
        services.AddOptions<EmailVerificationOptions>().Configure(o => verification?.Invoke(o));
        services.AddSingleton(sp => SigningKey.FromPem(sp.GetRequiredService<IOptions<AuthOptions>>().Value.SigningKey));
        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<SessionIssuer>();
        services.AddSingleton<RefreshTokenRevocation>();
        services.AddSingleton<EmailVerifications>();
        var (app, address) = await ServiceTestHost.StartAsync(builder);
        return new IdentityHost(database, clock, app, new HttpClient { BaseAddress = address });
    }

    /// <summary>An access token signed with the host's key, as login would issue it.</summary>
    public string Token(Guid userId, string role = "USER", bool emailVerified = true) =>
        Services.GetRequiredService<AccessTokenIssuer>().Issue(userId, $"{userId:N}@example.org", role, emailVerified).Value;

    public string AdminToken() => Token(Guid.NewGuid(), "ADMIN");

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return Client.SendAsync(request);
    }

    /// <summary>Registers a user; returns the <c>data</c> of the answer (user, accessToken, refreshToken).</summary>
    public async Task<JsonElement> RegisterAsync(string email, string password = "correct horse", string? firstName = "Ann")
    {
        var response = await PostAsync("/api/auth/register", new { email, password, firstName, lastName = "Lee" });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await BodyAsync(response)).GetProperty("data");
    }

    public async Task<JsonElement> LoginAsync(string email, string password = "correct horse")
    {
        var response = await PostAsync("/api/auth/login", new { email, password });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await BodyAsync(response)).GetProperty("data");
    }

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Database.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Every outbox event of <paramref name="eventType"/> about the user, oldest first, with its aggregate version.</summary>
    public async Task<IReadOnlyList<(JsonElement Data, long Version)>> EventsAsync(string eventType, Guid userId)
    {
        await using var command = Database.CreateCommand(
            "SELECT data::text, aggregate_version FROM outbox_messages WHERE event_type = @type AND aggregate_id = @id ORDER BY id");
        command.Parameters.AddWithValue("type", eventType);
        command.Parameters.AddWithValue("id", userId);
        var events = new List<(JsonElement, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            events.Add((JsonDocument.Parse(reader.GetString(0)).RootElement.Clone(), reader.GetInt64(1)));
        }

        return events;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Database.DisposeAsync();
    }
}
