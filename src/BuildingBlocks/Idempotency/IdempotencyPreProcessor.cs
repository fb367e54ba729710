using System.Security.Claims;
using System.Text.Json;
using FastEndpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CareForAll.BuildingBlocks.Idempotency;

/// <summary>
/// First half of Idempotency-Key handling (opt in with <see cref="IdempotencyEndpointExtensions.Idempotent(BaseEndpoint, bool)"/>).
/// A request without a key runs normally. With a key: a stored answer to the same request is sent again
/// (<c>Idempotent-Replayed: true</c>), a different request under that key gets 422, a key whose first request
/// is still running gets 409 with <c>Retry-After</c>; otherwise the request runs holding the key's lock.
/// </summary>
public sealed class IdempotencyPreProcessor : IGlobalPreProcessor
{
    /// <inheritdoc />
    public async Task PreProcessAsync(IPreProcessorContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        if (context.HasValidationFailures || http.ResponseStarted())
        {
            return;
        }

        var key = ReadKey(http.Request.Headers);
        if (key is null)
        {
            return;
        }

        var options = http.RequestServices.GetRequiredService<IOptions<IdempotencyKeyOptions>>().Value;
        if (key.Length > options.MaxKeyLength)
        {
            await IdempotencyErrors.WriteAsync(http, StatusCodes.Status400BadRequest, IdempotencyErrors.ValidationError,
                "The request is invalid.",
                new Dictionary<string, string[]> { ["idempotencyKey"] = [$"Must be at most {options.MaxKeyLength} characters."] });
            return;
        }

        var method = http.Request.Method;
        var path = NormalizePath(http.Request.Path);
        var body = context.Request is null
            ? []
            : JsonSerializer.SerializeToUtf8Bytes(context.Request, context.Request.GetType(), RequestJson);
        var fingerprint = IdempotencyFingerprint.Compute(method, path, body);
        var scope = IdempotencyFingerprint.Scope(method, path, CallerId(http.User));

        var dataSource = http.RequestServices.GetRequiredService<NpgsqlDataSource>();
        var decision = await IdempotencyGate.EnterAsync(dataSource, scope, key, fingerprint, ct);
        switch (decision.Verdict)
        {
            case IdempotencyVerdict.Proceed:
                var request = decision.Request!;
                http.Items[IdempotentRequest.HttpContextItemKey] = request;
                http.Response.RegisterForDisposeAsync(request);
                request.StartCapturing(http.Response);
                break;
            case IdempotencyVerdict.Replay:
                await ReplayAsync(http, decision.Stored!, ct);
                break;
            case IdempotencyVerdict.Mismatch:
                await IdempotencyErrors.WriteAsync(http, StatusCodes.Status422UnprocessableEntity, IdempotencyErrors.KeyReused,
                    "This Idempotency-Key was already used for a different request.");
                break;
            default:
                http.Response.Headers.RetryAfter = options.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await IdempotencyErrors.WriteAsync(http, StatusCodes.Status409Conflict, IdempotencyErrors.KeyInUse,
                    "A request with this Idempotency-Key is still being processed; retry shortly.");
                break;
        }
    }

    /// <summary>The key from <c>Idempotency-Key</c> or <c>X-Idempotency-Key</c>; null when absent or blank.</summary>
    internal static string? ReadKey(IHeaderDictionary headers)
    {
        var value = headers[IdempotencyHeaders.Key].ToString();
        if (string.IsNullOrWhiteSpace(value))
        {
            value = headers[IdempotencyHeaders.LegacyKey].ToString();
        }

        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    internal static string NormalizePath(PathString path)
    {
        var value = path.HasValue ? path.Value! : "/";
        return value.Length > 1 ? value.TrimEnd('/').ToLowerInvariant() : value;
    }

    static string? CallerId(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
            ? user.FindFirst("sub")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value
            : null;

    static async Task ReplayAsync(HttpContext http, StoredResponse stored, CancellationToken ct)
    {
        var response = http.Response;
        response.StatusCode = stored.StatusCode;
        if (stored.ContentType is not null)
        {
            response.ContentType = stored.ContentType;
        }

        response.Headers[IdempotencyHeaders.Replayed] = "true";
        http.MarkResponseStart();
        await response.Body.WriteAsync(stored.Body, ct);
    }

    static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web);
}
