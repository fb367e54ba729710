using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace CareForAll.Admin.Tests;

/// <summary>A request an owning service received, as it arrived.</summary>
internal sealed record OwnerRequest(string Method, string Service, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// Every owning service at once (told apart by host: <c>http://identity</c>, <c>http://payments</c>, ...): answers
/// what the test set up, is down, or never answers; records each request.
/// </summary>
internal sealed class FakeOwners : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, (int Status, string? Json, IReadOnlyDictionary<string, string> Headers)> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _broken = new(StringComparer.Ordinal);

    public ConcurrentQueue<OwnerRequest> Requests { get; } = new();

    public IEnumerable<OwnerRequest> To(string service) => Requests.Where(r => r.Service == service);

    public void Answer(string method, string service, string path, int status, string? json, IReadOnlyDictionary<string, string>? headers = null) =>
        _answers[$"{method} {service}{path}"] = (status, json, headers ?? new Dictionary<string, string>());

    /// <summary>Answers <paramref name="data"/> in the owners' success envelope.</summary>
    public void AnswerData(string method, string service, string path, string dataJson, int status = 200) =>
        Answer(method, service, path, status,
            """{"success":true,"data":""" + dataJson + ""","meta":{"timestamp":"2026-11-20T10:16:30Z","requestId":"r-1"}}""");

    /// <summary>The service refuses connections.</summary>
    public void Down(string service) => _broken[service] = "down";

    /// <summary>The service accepts the request and never answers.</summary>
    public void Hang(string service) => _broken[service] = "hang";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers.NonValidated)
        {
            headers[name] = values.ToString();
        }

        string? body = null;
        if (request.Content is not null)
        {
            foreach (var (name, values) in request.Content.Headers.NonValidated)
            {
                headers[name] = values.ToString();
            }

            body = await request.Content.ReadAsStringAsync(cancellationToken);
        }

        Requests.Enqueue(new OwnerRequest(request.Method.Method, uri.Host, uri.AbsolutePath, uri.Query, headers, body));

        if (_broken.TryGetValue(uri.Host, out var broken))
        {
            if (broken == "hang")
            {
                // An owner that accepted the connection and never answers: only the caller's timeout ends this.
                await new TaskCompletionSource().Task.WaitAsync(cancellationToken);
            }

            throw new HttpRequestException($"Connection refused ({uri.Host}:80)");
        }

        if (!_answers.TryGetValue($"{request.Method.Method} {uri.Host}{uri.AbsolutePath}", out var answer))
        {
            answer = (404, """{"success":false,"error":{"code":"NOT_FOUND","message":"The resource was not found.","details":null}}""",
                new Dictionary<string, string>());
        }

        var response = new HttpResponseMessage((HttpStatusCode)answer.Status);
        if (answer.Json is not null)
        {
            response.Content = new StringContent(answer.Json, Encoding.UTF8, "application/json");
        }

        foreach (var (name, value) in answer.Headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}
