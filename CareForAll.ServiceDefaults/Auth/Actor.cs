using Microsoft.AspNetCore.Http;

namespace CareForAll.ServiceDefaults.Auth;

/// <summary>Who performed an administrative action, as carried by its event into the audit log.</summary>
/// <param name="ActorId">The signed-in user, if any.</param>
/// <param name="ClientAddress">The end client's address (the first <c>X-Forwarded-For</c> hop when a gateway or service passed it on).</param>
/// <param name="UserAgent">The end client's user agent.</param>
/// <param name="Role">The signed-in user's role (<c>USER</c> or <c>ADMIN</c>), so the audit log can tell an admin's action from an organiser's.</param>
public sealed record Actor(Guid? ActorId, string? ClientAddress, string? UserAgent, string? Role = null)
{
    /// <summary>The actor of the current request.</summary>
    /// <param name="context">The request.</param>
    public static Actor From(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new(
            context.User.UserId(),
            // The gateway and other services pass the end client on; the socket address would be theirs.
            context.Request.Headers["X-Forwarded-For"].ToString().Split(',')[0].Trim() is { Length: > 0 } forwarded
                ? forwarded
                : context.Connection.RemoteIpAddress?.ToString(),
            context.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null,
            context.User.Role());
    }
}
