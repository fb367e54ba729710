using CareForAll.Gateway.Errors;

namespace CareForAll.Gateway.Proxy;

/// <summary>
/// Service-to-service routes (<c>/internal/...</c>) are never reachable from outside, whatever a route
/// table says: the gateway answers 404 before routing.
/// </summary>
internal sealed class InternalPathGuardMiddleware(RequestDelegate next)
{
    public static readonly PathString InternalPrefix = new("/internal");

    public Task InvokeAsync(HttpContext context) =>
        IsInternal(context.Request.Path)
            ? GatewayErrors.NotFoundAsync(context)
            : next(context);

    internal static bool IsInternal(PathString path) =>
        path.StartsWithSegments(InternalPrefix, StringComparison.OrdinalIgnoreCase);
}
