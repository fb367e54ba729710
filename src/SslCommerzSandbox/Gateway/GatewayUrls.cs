namespace CareForAll.SslCommerzSandbox.Gateway;

/// <summary>The sandbox's own addresses, built from the request so that a browser on the same machine can open them.</summary>
internal static class GatewayUrls
{
    public const string CheckoutPrefix = "/EasyCheckOut/testcde";

    /// <summary>scheme://host[:port][/path-base] of the request.</summary>
    public static string BaseOf(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>The hosted checkout page, with the session key in lower case as the real sandbox writes it.</summary>
    public static string CheckoutPage(string baseUrl, string sessionKey) =>
        baseUrl + CheckoutPrefix + sessionKey.ToLowerInvariant();
}
