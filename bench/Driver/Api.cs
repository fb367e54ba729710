using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CareForAll.Bench;

/// <summary>The platform's public API through the gateway, as a donor, an organiser and the development admin use it.</summary>
internal sealed partial class Api(HttpClient http, Options options) : IDisposable
{
    private const string AdminEmail = "admin@careforall.local";
    private const string AdminPassword = "CareForAll-Admin-2026";

    public HttpClient Http => http;

    public static Api Create(Options options, int connections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        };
        return new Api(new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) }, options);
    }

    public async Task<JsonNode> SendAsync(
        HttpMethod method, Uri url, object? body = null, string? token = null, IEnumerable<KeyValuePair<string, string>>? headers = null,
        CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new ApiException(method, url, response.StatusCode, text);
        }

        return (text.Length == 0 ? null : JsonNode.Parse(text)) ?? new JsonObject();
    }

    public Uri Gateway(string path) => new(options.Gateway, path);

    public Task<JsonNode> PostAsync(string path, object body, string? token = null, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, Gateway(path), body, token, ct: ct);

    public async Task<string> LoginAsync(string email, string password) =>
        (string)(await PostAsync("/api/auth/login", new { email, password }))["data"]!["accessToken"]!;

    public Task<string> AdminAsync() => LoginAsync(AdminEmail, AdminPassword);

    /// <summary>Registers an organiser and proves their address with the link in the welcome mail, as a person would.</summary>
    public async Task<string> VerifiedOrganiserAsync()
    {
        var email = $"organiser-{Guid.NewGuid():N}@example.org";
        const string password = "correct-horse-battery";
        await PostAsync("/api/auth/register", new { email, password });
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (DateTimeOffset.UtcNow < deadline)
        {
            var found = await SendAsync(HttpMethod.Get, new Uri(options.Mailbox, $"/api/Messages?searchTerms={Uri.EscapeDataString(email)}&pageSize=50"));
            foreach (var message in found["results"]!.AsArray())
            {
                var text = await http.GetStringAsync(new Uri(options.Mailbox, $"/api/Messages/{message!["id"]}/plaintext"));
                if (VerificationLink().Match(text) is { Success: true } match)
                {
                    await PostAsync("/api/auth/verify-email", new { token = match.Groups[1].Value });
                    return await LoginAsync(email, password);
                }
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"No verification mail reached {email} within 60 s");
    }

    /// <summary>Creates a campaign as the organiser and has the admin approve it, so donors can give to it.</summary>
    public async Task<Guid> ActiveCampaignAsync(string organiser, string admin, string title)
    {
        var created = await PostAsync("/api/campaigns", new
        {
            title,
            description = "Food, water and medicine for families displaced by the flood, delivered by local volunteers.",
            campaignType = "emergency",
            goalAmount = 100_000_000m,
            currency = "BDT",
            endDate = DateTimeOffset.UtcNow.AddDays(30),
        }, organiser);
        var id = (Guid)created["data"]!["id"]!;
        await SendAsync(HttpMethod.Patch, Gateway($"/api/campaigns/{id}/status"), new { status = "active", reason = "benchmark" }, admin);
        return id;
    }

    /// <summary>The raised amount the totals route shows (the read model), or null while it does not know the campaign.</summary>
    public async Task<decimal?> RaisedAsync(Guid campaignId, CancellationToken ct = default)
    {
        using var response = await http.GetAsync(Gateway($"/api/query/campaigns/{campaignId}/totals"), ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!;
        return (decimal)body["data"]!["raisedAmount"]!;
    }

    /// <summary>The campaigns service's own <c>current_amount</c>.</summary>
    public async Task<decimal> CurrentAmountAsync(Guid campaignId) =>
        (decimal)(await SendAsync(HttpMethod.Get, Gateway($"/api/campaigns/{campaignId}")))["data"]!["currentAmount"]!;

    public void Dispose() => http.Dispose();

    [GeneratedRegex("/verify-email#token=([A-Za-z0-9_-]+)")]
    private static partial Regex VerificationLink();
}

internal sealed class ApiException(HttpMethod method, Uri url, HttpStatusCode status, string body)
    : Exception($"{method} {url.PathAndQuery} answered {(int)status}: {(body.Length > 300 ? body[..300] : body)}")
{
    public HttpStatusCode Status => status;
}
