namespace CareForAll.SslCommerzSandbox.Gateway;

/// <summary>One payment channel of the store, as listed in the session answer's <c>gw</c> and <c>desc</c>.</summary>
/// <param name="Name">Display name, e.g. "VISA-Dutch Bangla".</param>
/// <param name="Type">visa, master, amex, othercards, internetbanking or mobilebanking.</param>
/// <param name="Logo">The logo file under /gwprocess/v4/image/gw/.</param>
/// <param name="Gw">The gateway code, e.g. dbbl_visa or bkash.</param>
internal sealed record GatewayEntry(string Name, string Type, string Logo, string Gw);
