namespace CareForAll.Payments.Configuration;

/// <summary>Settings under <c>Payments:Ipn</c>.</summary>
internal sealed class IpnOptions
{
    /// <summary>
    /// SSLCommerz's published IPN addresses, checked only when not empty (off for the sandbox). Behind our gateway the
    /// address is the last <c>X-Forwarded-For</c> hop, the one our own proxy added.
    /// </summary>
    public List<string> AllowedAddresses { get; set; } = [];
}
