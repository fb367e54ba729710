namespace CareForAll.Gateway;

/// <summary>Gateway settings from the <c>Gateway</c> configuration section.</summary>
internal sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>Largest request body accepted, in bytes; larger ones get 413 before anything is proxied.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Upper bound on how long a cached response may live. Entries are meant to leave by tag eviction when the
    /// data behind them changes; this bound only keeps forgotten entries from living forever.
    /// </summary>
    public TimeSpan CacheEntryMaxAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The Content-Security-Policy sent with every response (the SPA is served from this origin).</summary>
    public string ContentSecurityPolicy { get; set; } =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
}
