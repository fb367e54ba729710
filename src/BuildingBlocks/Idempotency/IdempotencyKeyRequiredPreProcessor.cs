using FastEndpoints;
using Microsoft.AspNetCore.Http;

namespace CareForAll.BuildingBlocks.Idempotency;

/// <summary>
/// Refuses a request without an Idempotency-Key (400), for endpoints that move money: without a key a retried
/// request could never be told from a second one.
/// </summary>
public sealed class IdempotencyKeyRequiredPreProcessor : IGlobalPreProcessor
{
    /// <summary>The error code of a missing key.</summary>
    public const string KeyRequired = "IDEMPOTENCY_KEY_REQUIRED";

    /// <inheritdoc />
    public Task PreProcessAsync(IPreProcessorContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        if (http.ResponseStarted() || IdempotencyPreProcessor.ReadKey(http.Request.Headers) is not null)
        {
            return Task.CompletedTask;
        }

        return IdempotencyErrors.WriteAsync(http, StatusCodes.Status400BadRequest, KeyRequired,
            "This request moves money and needs an Idempotency-Key header (a UUID reused on every retry of it).",
            new Dictionary<string, string[]> { ["idempotencyKey"] = ["The Idempotency-Key header is required."] });
    }
}
