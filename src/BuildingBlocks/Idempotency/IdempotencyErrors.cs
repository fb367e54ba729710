using CareForAll.ServiceDefaults.Api;
using Microsoft.AspNetCore.Http;

namespace CareForAll.BuildingBlocks.Idempotency;

/// <summary>The error answers Idempotency-Key handling gives by itself, in the platform's envelope.</summary>
internal static class IdempotencyErrors
{
    public const string KeyInUse = "IDEMPOTENCY_KEY_IN_USE";
    public const string KeyReused = "IDEMPOTENCY_KEY_REUSED";
    public const string ValidationError = "VALIDATION_ERROR";

    public static Task WriteAsync(HttpContext httpContext, int statusCode, string code, string message, object? details = null) =>
        EnvelopeWriter.WriteErrorAsync(httpContext, statusCode, code, message, details);
}
