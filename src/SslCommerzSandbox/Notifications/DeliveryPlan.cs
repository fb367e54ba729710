namespace CareForAll.SslCommerzSandbox.Notifications;

/// <summary>How an attempt's notifications reach the merchant: the IPN, and whether the sandbox itself plays the browser.</summary>
internal sealed record DeliveryPlan(IpnPlan Ipn, BrowserReturn BrowserReturn)
{
    /// <summary>A person on the checkout page: one IPN, retried; the browser return is the page's own auto-submitting form.</summary>
    public static readonly DeliveryPlan Checkout = new(IpnPlan.Default, BrowserReturn.None);
}
