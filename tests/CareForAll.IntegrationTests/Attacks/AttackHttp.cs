using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CareForAll.IntegrationTests.Attacks;

/// <summary>One request as an attacker sends it, with the raw answer kept for what a parsed body would hide.</summary>
internal static class AttackHttp
{
    public sealed record Answer(HttpStatusCode Status, string Text, JsonNode Body, HttpResponseMessage Response)
    {
        public override string ToString() => $"{(int)Status} {Text}";
    }

    public static async Task<Answer> SendAsync(
        HttpClient client,
        HttpMethod method,
        string path,
        object? body = null,
        string? accessToken = null,
        IReadOnlyDictionary<string, string>? headers = null,
        HttpContent? content = null,
        CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(method, path);
        if (content is not null)
        {
            request.Content = content;
        }
        else if (body is not null)
        {
            request.Content = body is string json
                ? new StringContent(json, System.Text.Encoding.UTF8, "application/json")
                : JsonContent.Create(body);
        }

        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await client.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        JsonNode parsed;
        try
        {
            parsed = string.IsNullOrWhiteSpace(text) ? new JsonObject() : JsonNode.Parse(text) ?? new JsonObject();
        }
        catch (System.Text.Json.JsonException)
        {
            parsed = new JsonObject();
        }

        return new Answer(response.StatusCode, text, parsed, response);
    }

    public static Dictionary<string, string> IdempotencyKey() => new() { ["Idempotency-Key"] = Guid.NewGuid().ToString() };

    public static Dictionary<string, string> PledgeToken(string token) => new()
    {
        ["Idempotency-Key"] = Guid.NewGuid().ToString(),
        ["X-Pledge-Token"] = token,
    };

    /// <summary>A refusal: a 4xx in the standard error envelope, never a 5xx and never data.</summary>
    public static void ShouldBeRefused(this Answer answer, params HttpStatusCode[] allowed)
    {
        ((int)answer.Status).ShouldBeInRange(400, 499, answer.ToString());
        if (allowed.Length > 0)
        {
            answer.Status.ShouldBeOneOf(allowed, answer.ToString());
        }

        (answer.Body["success"] as JsonValue)?.GetValue<bool>().ShouldBe(false, $"a refusal in the envelope: {answer}");
        answer.Body["success"].ShouldNotBeNull($"a refusal in the envelope: {answer}");
        answer.Body["error"]?["code"].ShouldNotBeNull($"a refusal names its error code: {answer}");
        answer.Body["data"].ShouldBeNull(answer.ToString());
    }

    /// <summary>Never a server error: whatever was sent, the answer is a success or a clear refusal.</summary>
    public static void ShouldNotBeServerError(this Answer answer) =>
        ((int)answer.Status).ShouldBeLessThan(500, answer.ToString());
}
