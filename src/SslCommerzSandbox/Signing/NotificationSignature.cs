namespace CareForAll.SslCommerzSandbox.Signing;

/// <summary>The three verify_* fields of a notification.</summary>
/// <param name="VerifyKey">The signed keys, comma-separated, in ordinal order.</param>
/// <param name="VerifySign">Lower-case hex MD5 (B 5.1).</param>
/// <param name="VerifySignSha2">Lower-case hex SHA-256 (B 5.2).</param>
internal sealed record NotificationSignature(string VerifyKey, string VerifySign, string VerifySignSha2);
