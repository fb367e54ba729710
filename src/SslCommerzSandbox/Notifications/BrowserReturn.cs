namespace CareForAll.SslCommerzSandbox.Notifications;

/// <summary>Whether, and when relative to the IPN, the sandbox posts the browser's return form itself.</summary>
internal enum BrowserReturn
{
    None,
    BeforeIpn,
    AfterIpn,
    Concurrent,
}
