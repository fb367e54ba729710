using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CareForAll.ServiceDefaults.Auth;

/// <summary>
/// Identity's JWKS fetched over HTTP (service discovery), cached, fetched again when a token names an unknown key
/// (key rotation) or the cache is old, at most once per throttle interval so forged key ids cannot flood identity.
/// </summary>
internal sealed partial class JwksSigningKeySource(
    IHttpClientFactory httpClientFactory,
    IOptions<CareForAllAuthOptions> options,
    TimeProvider time,
    ILogger<JwksSigningKeySource> logger) : ISigningKeySource, IDisposable
{
    public const string HttpClientName = "CareForAll.Jwks";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile KeySet _keys = KeySet.Empty;
    private DateTimeOffset _lastAttempt = DateTimeOffset.MinValue;
    private volatile bool _fetching;

    public IEnumerable<SecurityKey> GetKeys(string? kid) => SigningKeys.Matching(_keys.Keys, kid);

    public async ValueTask EnsureKeyAsync(string? kid, CancellationToken cancellationToken)
    {
        var seen = _keys;
        if (seen.Knows(kid) && !IsStale(seen) || IsThrottled() && !_fetching)
        {
            return;
        }

        // A request arriving while another's fetch is in flight waits for it rather than failing at once: the first
        // requests after a start come together (a page asks for several things) and must all see the keys.
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Whoever held the gate before us may have fetched already.
            if (!ReferenceEquals(seen, _keys) && _keys.Knows(kid) || IsThrottled())
            {
                return;
            }

            // Flagged before the attempt is stamped, so no request sees "throttled" without "in flight".
            _fetching = true;
            _lastAttempt = time.GetUtcNow();
            try
            {
                await RefreshAsync();
            }
            finally
            {
                _fetching = false;
            }

            // Measured from the end of the attempt too: a fetch that timed out against a down identity must not
            // be repeated by the very next request, or every bad token would cost a full fetch timeout.
            _lastAttempt = time.GetUtcNow();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private bool IsStale(KeySet keys) => time.GetUtcNow() - keys.FetchedAt > options.Value.JwksMaxAge;

    private bool IsThrottled() => time.GetUtcNow() - _lastAttempt < options.Value.JwksRefreshThrottle;

    private async Task RefreshAsync()
    {
        var settings = options.Value;
        // Not the caller's token: waiting requests share this fetch, and one caller leaving must not cancel it.
        using var timeout = new CancellationTokenSource(settings.JwksFetchTimeout, time);
        try
        {
            using var client = httpClientFactory.CreateClient(HttpClientName);
            var json = await client.GetStringAsync(settings.JwksUri, timeout.Token);
            var keys = new JsonWebKeySet(json).GetSigningKeys();
            _keys = new KeySet(keys.ToArray(), time.GetUtcNow());
            LogFetched(logger, keys.Count, settings.JwksUri);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or ArgumentException)
        {
            // Keep the keys we have: a passing identity outage must not log everybody out.
            LogFetchFailed(logger, exception, settings.JwksUri);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched {Count} signing keys from {JwksUri}")]
    private static partial void LogFetched(ILogger logger, int count, Uri jwksUri);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not fetch signing keys from {JwksUri}")]
    private static partial void LogFetchFailed(ILogger logger, Exception exception, Uri jwksUri);

    private sealed record KeySet(IReadOnlyList<SecurityKey> Keys, DateTimeOffset FetchedAt)
    {
        public static readonly KeySet Empty = new([], DateTimeOffset.MinValue);

        public bool Knows(string? kid) =>
            kid is null ? Keys.Count > 0 : Keys.Any(k => string.Equals(k.KeyId, kid, StringComparison.Ordinal));
    }
}
