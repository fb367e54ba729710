using System.Net;

namespace CareForAll.Payments.Notifications;

/// <summary>Where a notification came from, for the log and the optional allowlist of SSLCommerz's IPN addresses.</summary>
internal static class NotificationSource
{
    /// <summary>
    /// The last <c>X-Forwarded-For</c> hop (added by our own gateway, so the client cannot forge it), else the
    /// socket's address.
    /// </summary>
    public static string? Address(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var forwarded = http.Request.Headers["X-Forwarded-For"].ToString();
        if (forwarded.Length > 0)
        {
            return forwarded.Split(',')[^1].Trim();
        }

        return http.Connection.RemoteIpAddress is { } remote
            ? (remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote).ToString()
            : null;
    }

    public static bool IsAllowed(string? address, IReadOnlyCollection<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (allowed.Count == 0)
        {
            return true;
        }

        return IPAddress.TryParse(address, out var parsed)
            && allowed.Any(a => IPAddress.TryParse(a, out var entry) && entry.Equals(parsed.IsIPv4MappedToIPv6 ? parsed.MapToIPv4() : parsed));
    }
}
