using System.Globalization;
using System.Threading.RateLimiting;
using CareForAll.Gateway.Errors;
using CareForAll.ServiceDefaults.Api;
using Microsoft.AspNetCore.RateLimiting;

namespace CareForAll.Gateway.RateLimiting;

/// <summary>A refused request gets 429 in the envelope, with Retry-After in whole seconds.</summary>
internal static class RateLimitRejection
{
    // Fixed windows always report when they reopen; this is only a floor should a limiter not say.
    private static readonly TimeSpan FallbackRetryAfter = TimeSpan.FromMinutes(1);

    public static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var reported)
            ? reported
            : FallbackRetryAfter;
        context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds(retryAfter).ToString(CultureInfo.InvariantCulture);
        await GatewayErrors.WriteAsync(
            context.HttpContext,
            StatusCodes.Status429TooManyRequests,
            ErrorCodes.RateLimited,
            "Too many requests. Try again later.");
    }

    internal static int RetryAfterSeconds(TimeSpan retryAfter) => Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
}
