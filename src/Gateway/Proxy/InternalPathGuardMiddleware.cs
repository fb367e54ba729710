using CareForAll.Gateway.Errors;

namespace CareForAll.Gateway.Proxy;

/// <summary>
/// Service-to-service routes (<c>/internal/...</c>, and the few the seed keeps under <c>/api</c> but marks internal)
/// are never reachable from outside, whatever a route table says: the gateway answers 404 before routing.
/// </summary>
internal sealed class InternalPathGuardMiddleware(RequestDelegate next)
{
    public static readonly PathString InternalPrefix = new("/internal");

    /// <summary>
    /// The seed's internal routes with public-looking paths: identity's token check for other services and the
    /// notification service's send-a-mail. A catch-all route such as <c>/api/auth/{**rest}</c> would otherwise reach them.
    /// </summary>
    public static readonly PathString[] InternalApiRoutes = [new("/api/auth/verify"), new("/api/notifications/email")];

    public Task InvokeAsync(HttpContext context) =>
        IsInternal(context.Request.Path)
            ? GatewayErrors.NotFoundAsync(context)
            : next(context);

    internal static bool IsInternal(PathString path)
    {
        // Empty segments ("//internal", "/api/auth//verify") are collapsed first: a service's router may ignore them.
        var normalized = Collapse(path);
        return normalized.StartsWithSegments(InternalPrefix, StringComparison.OrdinalIgnoreCase)
            || InternalApiRoutes.Any(route => normalized.StartsWithSegments(route, StringComparison.OrdinalIgnoreCase));
    }

    private static PathString Collapse(PathString path)
    {
        var value = path.Value;
        if (value is null || !value.Contains("//", StringComparison.Ordinal))
        {
            return path;
        }

        var collapsed = new System.Text.StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c != '/' || collapsed.Length == 0 || collapsed[^1] != '/')
            {
                collapsed.Append(c);
            }
        }

        return new PathString(collapsed.ToString());
    }
}
