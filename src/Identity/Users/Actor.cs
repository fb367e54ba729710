using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Identity.Users;

/// <summary>Who performed an administrative action, as carried by its event into the audit log.</summary>
internal sealed record Actor(Guid? ActorId, string? ClientAddress, string? UserAgent)
{
    public static Actor From(HttpContext context) => new(
        context.User.UserId(),
        // Internal routes are reached by other services (the admin service), which pass the end client on.
        context.Request.Headers["X-Forwarded-For"].ToString().Split(',')[0].Trim() is { Length: > 0 } forwarded
            ? forwarded
            : context.Connection.RemoteIpAddress?.ToString(),
        context.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null);
}
