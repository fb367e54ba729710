namespace CareForAll.Payments.Configuration;

/// <summary>Settings under <c>Payments</c>.</summary>
internal sealed class PaymentsOptions
{
    public const string SectionName = "Payments";

    /// <summary>
    /// The address SSLCommerz and browsers reach us at (the gateway's public URL); the IPN and the browser returns
    /// are posted under it.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>Where a donor's browser lands after the return post; default <c>{PublicBaseUrl}/donate/result</c>.</summary>
    public string? ResultPageUrl { get; set; }

    /// <summary>The pledges service (read with the caller's own credentials).</summary>
    public string PledgesBaseUrl { get; set; } = "https+http://pledges";

    public IpnOptions Ipn { get; set; } = new();

    public string IpnUrl => Combine("api/payments/webhook/ipn");

    public string ReturnUrl(string outcome) => Combine("api/payments/return/" + outcome);

    public string ResultPage =>
        string.IsNullOrWhiteSpace(ResultPageUrl) ? Combine("donate/result") : ResultPageUrl.Trim();

    public string? Problem() =>
        !Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var publicBase) || publicBase.Scheme is not ("http" or "https")
            ? "Payments:PublicBaseUrl must be an absolute http(s) URL."
            : !string.IsNullOrWhiteSpace(ResultPageUrl) && !Uri.TryCreate(ResultPageUrl, UriKind.Absolute, out _)
                ? "Payments:ResultPageUrl must be an absolute URL."
            : !Uri.TryCreate(PledgesBaseUrl, UriKind.Absolute, out _)
                ? "Payments:PledgesBaseUrl must be an absolute URL."
            : Ipn.AllowedAddresses.Any(a => !System.Net.IPAddress.TryParse(a, out _))
                ? "Payments:Ipn:AllowedAddresses must hold IP addresses."
            : null;

    private string Combine(string path) => PublicBaseUrl.TrimEnd('/') + "/" + path;
}
