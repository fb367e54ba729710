using CareForAll.Gateway.Security;
using Yarp.ReverseProxy.Transforms;

namespace CareForAll.Gateway.Proxy;

/// <summary>
/// Services may read the caller from <c>X-User-*</c> headers, so only the gateway writes them: whatever a
/// client sent under that prefix is dropped, and the validated token's user id and role are added.
/// The Authorization header itself passes through, because services validate the token too.
/// </summary>
internal sealed class UserContextTransform : RequestTransform
{
    public const string HeaderPrefix = "X-User-";
    public const string UserIdHeader = "X-User-Id";
    public const string UserRoleHeader = "X-User-Role";

    public override ValueTask ApplyAsync(RequestTransformContext context)
    {
        var headers = context.ProxyRequest.Headers;
        var spoofed = headers
            .Select(header => header.Key)
            .Where(name => name.StartsWith(HeaderPrefix, StringComparison.OrdinalIgnoreCase))
            .ToList();
        foreach (var name in spoofed)
        {
            headers.Remove(name);
        }

        var user = context.HttpContext.User;
        if (GatewayUser.IdOf(user) is { } userId)
        {
            headers.TryAddWithoutValidation(UserIdHeader, userId);
            if (GatewayUser.RoleOf(user) is { } role)
            {
                headers.TryAddWithoutValidation(UserRoleHeader, role);
            }
        }

        return ValueTask.CompletedTask;
    }
}
