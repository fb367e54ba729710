namespace CareForAll.Payments.SslCommerz;

/// <summary>Settings under <c>SslCommerz</c>: where the gateway is and the store's API credentials.</summary>
internal sealed class SslCommerzOptions
{
    public const string SectionName = "SslCommerz";

    /// <summary>
    /// <c>https://sandbox.sslcommerz.com</c>, <c>https://securepay.sslcommerz.com</c>, or the emulator (in the AppHost a
    /// service-discovery name such as <c>http://sslcommerz</c>).
    /// </summary>
    public string BaseUrl { get; set; } = "";

    public string StoreId { get; set; } = "";

    /// <summary>The store's API password (a secret; never logged or returned).</summary>
    public string StorePassword { get; set; } = "";

    /// <summary>Longest wait for one call to the gateway, retries included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait for one attempt; reads (validation, queries, refund status) are retried within <see cref="Timeout"/>.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public string? Problem() =>
        string.IsNullOrWhiteSpace(BaseUrl) || !Uri.TryCreate(BaseUrl, UriKind.Absolute, out _)
            ? "SslCommerz:BaseUrl must be an absolute URL."
            : string.IsNullOrWhiteSpace(StoreId) ? "SslCommerz:StoreId is required."
            : string.IsNullOrWhiteSpace(StorePassword) ? "SslCommerz:StorePassword is required."
            : Timeout <= TimeSpan.Zero || AttemptTimeout <= TimeSpan.Zero || AttemptTimeout >= Timeout
                ? "SslCommerz:Timeout and SslCommerz:AttemptTimeout must be positive, the attempt shorter than the whole."
            : null;
}
