using System.Net.Mime;
using System.Text.Json;
using CareForAll.ServiceDefaults.Api;

namespace CareForAll.Admin.Owners;

/// <summary>What an owning service answered, or that it did not answer at all.</summary>
internal sealed class OwnerAnswer
{
    private OwnerAnswer(string service)
    {
        Service = service;
    }

    /// <summary>The owner asked.</summary>
    public string Service { get; }

    /// <summary>The owner's status; null when it did not answer (down, unreachable, too slow).</summary>
    public int? StatusCode { get; private init; }

    public byte[] Body { get; private init; } = [];

    public string? ContentType { get; private init; }

    /// <summary>Headers worth passing on to the admin: <c>Retry-After</c> and <c>Idempotent-Replayed</c>.</summary>
    public IReadOnlyDictionary<string, string> RelayedHeaders { get; private init; } = new Dictionary<string, string>();

    /// <summary>Why there is no answer, for the log and the dashboard.</summary>
    public string? Failure { get; private init; }

    public bool Answered => StatusCode is not null;

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public bool IsJson =>
        Body.Length > 0
        && ContentType is { } type
        && type.StartsWith(MediaTypeNames.Application.Json, StringComparison.OrdinalIgnoreCase);

    public static OwnerAnswer From(string service, int statusCode, byte[] body, string? contentType, IReadOnlyDictionary<string, string> headers) =>
        new(service) { StatusCode = statusCode, Body = body, ContentType = contentType, RelayedHeaders = headers };

    public static OwnerAnswer None(string service, string failure) => new(service) { Failure = failure };

    /// <summary>The <c>data</c> of the owner's success envelope; null when there is none.</summary>
    public JsonElement? Data() => Property("data");

    /// <summary>The <c>error.code</c> of the owner's error envelope, if it sent one.</summary>
    public string? ErrorCode() =>
        Property("error") is { ValueKind: JsonValueKind.Object } error
        && error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
            ? code.GetString()
            : null;

    /// <summary>The owner's answer as this service's response: the same status, envelope and relevant headers.</summary>
    public IResult Relay() => new RelayResult(this);

    private JsonElement? Property(string name)
    {
        if (!IsJson)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out var value)
                ? value.Clone()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes the owner's answer as it is (its envelope carries the same request id, passed on with the call). An
    /// answer without an envelope of its own (a proxy's bare 502) gets one for its status; no answer at all is 503.
    /// </summary>
    private sealed class RelayResult(OwnerAnswer answer) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            if (answer.StatusCode is not { } status)
            {
                await EnvelopeWriter.WriteErrorAsync(
                    httpContext,
                    StatusCodes.Status503ServiceUnavailable,
                    $"{answer.Service.ToUpperInvariant()}_UNAVAILABLE",
                    $"The {answer.Service} service did not answer; look at the outcome before trying again.");
                return;
            }

            var response = httpContext.Response;
            foreach (var (name, value) in answer.RelayedHeaders)
            {
                response.Headers[name] = value;
            }

            if (answer.IsJson)
            {
                response.StatusCode = status;
                response.ContentType = answer.ContentType;
                response.ContentLength = answer.Body.Length;
                await response.Body.WriteAsync(answer.Body, httpContext.RequestAborted);
            }
            else if (status >= StatusCodes.Status400BadRequest)
            {
                await EnvelopeWriter.WriteErrorAsync(httpContext, status, ErrorCodes.ForStatus(status), ErrorCodes.MessageForStatus(status));
            }
            else if (status == StatusCodes.Status204NoContent)
            {
                response.StatusCode = status;
            }
            else
            {
                await EnvelopeWriter.WriteSuccessAsync(httpContext, null, status);
            }
        }
    }
}
