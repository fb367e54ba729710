using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CareForAll.IntegrationTests;

/// <summary>Small helpers for calling CareForAll's API and reading its envelope.</summary>
internal static class Api
{
    public static async Task<(HttpStatusCode Status, JsonNode Body, HttpResponseMessage Response)> SendAsync(
        HttpClient client, HttpMethod method, string path, object? body = null, string? accessToken = null,
        CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        var response = await client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var json = string.IsNullOrWhiteSpace(text) ? new JsonObject() : JsonNode.Parse(text)!;
        return (response.StatusCode, json, response);
    }

    public const string DefaultPassword = "correct-horse-battery";

    public static string NewEmail(string prefix) => $"{prefix}-{Guid.NewGuid():N}@example.org";

    public sealed record Session(Guid UserId, string Email, string AccessToken, string RefreshToken);

    public static async Task<Session> RegisterAsync(HttpClient client, string email, string password = DefaultPassword, CancellationToken cancellationToken = default)
    {
        var (status, body, _) = await SendAsync(client, HttpMethod.Post, "/api/auth/register",
            new { email, password, firstName = "Nusrat", lastName = "Jahan" }, cancellationToken: cancellationToken);
        status.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        return ToSession(body);
    }

    public static async Task<Session> LoginAsync(HttpClient client, string email, string password, CancellationToken cancellationToken = default)
    {
        var (status, body, _) = await SendAsync(client, HttpMethod.Post, "/api/auth/login", new { email, password }, cancellationToken: cancellationToken);
        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        return ToSession(body);
    }

    public static Session ToSession(JsonNode body)
    {
        body["success"]!.GetValue<bool>().ShouldBeTrue();
        var data = body["data"]!;
        return new Session(
            Guid.Parse(data["user"]!["id"]!.GetValue<string>()),
            data["user"]!["email"]!.GetValue<string>(),
            data["accessToken"]!.GetValue<string>(),
            data["refreshToken"]!.GetValue<string>());
    }

    public static string ErrorCode(JsonNode body) => body["error"]?["code"]?.GetValue<string>() ?? "(no error code)";
}
