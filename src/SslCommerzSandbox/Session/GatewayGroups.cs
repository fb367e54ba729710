namespace CareForAll.SslCommerzSandbox.Session;

/// <summary>The session answer's <c>gw</c>: each group's gateway codes, comma-separated.</summary>
internal sealed record GatewayGroups(
    string Visa,
    string Master,
    string Amex,
    string Othercards,
    string Internetbanking,
    string Mobilebanking);
