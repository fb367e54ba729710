namespace CareForAll.SslCommerzSandbox.Session;

/// <summary>A FAILED session answer: only status and failedreason, so typed clients never meet a mistyped field.</summary>
internal sealed class SessionRefusal(string reason)
{
    /// <summary>The text the official SDKs look for to hint at a configuration mistake.</summary>
    public const string CredentialError = "Store Credential Error Or Store is Deactive";

    public string Status { get; } = "FAILED";

    public string Failedreason { get; } = reason;
}
