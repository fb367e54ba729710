using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace CareForAll.ServiceDefaults;

/// <summary>
/// The <c>X-Request-Id</c> that ties one request's logs, envelope and downstream calls together.
/// </summary>
public static class RequestId
{
    /// <summary>The header carrying the id, on requests and responses.</summary>
    public const string HeaderName = "X-Request-Id";

    /// <summary>The logging scope key under which every log line of a request carries the id.</summary>
    public const string LogScopeKey = "RequestId";

    /// <summary>The longest id accepted from a caller.</summary>
    public const int MaxLength = 128;

    internal const string ItemKey = "CareForAll.RequestId";

    // Ids end up in logs and headers: a narrow alphabet keeps log injection and header splitting out.
    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:");

    /// <summary>Whether a caller-supplied id is kept: 1 to 128 characters of <c>[A-Za-z0-9-_.:]</c>.</summary>
    /// <param name="value">The incoming header value.</param>
    public static bool IsAcceptable(string? value) =>
        !string.IsNullOrEmpty(value)
        && value.Length <= MaxLength
        && !value.AsSpan().ContainsAnyExcept(Allowed);

    /// <summary>The caller's id when acceptable, otherwise a new UUID.</summary>
    /// <param name="incoming">The incoming header value, if any.</param>
    public static string Resolve(string? incoming) =>
        IsAcceptable(incoming) ? incoming! : Guid.NewGuid().ToString();

    /// <summary>The id of the current request (falls back to the trace identifier outside the middleware).</summary>
    /// <param name="context">The current request.</param>
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(ItemKey, out var value) && value is string id ? id : context.TraceIdentifier;
    }
}
