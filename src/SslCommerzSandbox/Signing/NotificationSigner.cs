using System.Security.Cryptography;
using System.Text;

namespace CareForAll.SslCommerzSandbox.Signing;

/// <summary>
/// The gateway's notification signatures (sslcommerz.md B 5): the signed fields plus <c>store_passwd</c> = hash of the
/// store password, sorted by key in ordinal order, joined as <c>key=value</c> with <c>&amp;</c>, hashed over UTF-8.
/// verify_sign uses MD5 throughout, verify_sign_sha2 SHA-256 throughout.
/// </summary>
internal static class NotificationSigner
{
    public const string VerifySign = "verify_sign";
    public const string VerifyKey = "verify_key";
    public const string VerifySignSha2 = "verify_sign_sha2";
    private const string PasswordKey = "store_passwd";

    /// <summary>Signs exactly <paramref name="signedFields"/> (keys must be distinct).</summary>
    public static NotificationSignature Sign(IEnumerable<KeyValuePair<string, string>> signedFields, string storePassword)
    {
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in signedFields)
        {
            sorted.Add(key, value);
        }

        return new NotificationSignature(
            string.Join(',', sorted.Keys),
            Md5Hex(Canonical(sorted, Md5Hex(storePassword))),
            Sha256Hex(Canonical(sorted, Sha256Hex(storePassword))));
    }

    /// <summary>
    /// Checks a posted notification as a merchant does: verify_sign and verify_key present, every listed key posted,
    /// verify_sign matching, and verify_sign_sha2 matching when it is present.
    /// </summary>
    public static bool Verify(IReadOnlyDictionary<string, string> posted, string storePassword)
    {
        ArgumentNullException.ThrowIfNull(posted);
        if (!posted.TryGetValue(VerifySign, out var sign) || !posted.TryGetValue(VerifyKey, out var keys) || keys.Length == 0)
        {
            return false;
        }

        var signed = new List<KeyValuePair<string, string>>();
        foreach (var key in keys.Split(','))
        {
            if (!posted.TryGetValue(key, out var value) || signed.Exists(entry => entry.Key == key))
            {
                return false;
            }

            signed.Add(new(key, value));
        }

        var expected = Sign(signed, storePassword);
        var md5Matches = FixedTimeEquals(expected.VerifySign, sign);
        var sha2Matches = !posted.TryGetValue(VerifySignSha2, out var sha2) || sha2.Length == 0
            || FixedTimeEquals(expected.VerifySignSha2, sha2);
        return md5Matches && sha2Matches;
    }

    private static string Canonical(SortedDictionary<string, string> sorted, string passwordHash)
    {
        var entries = new SortedDictionary<string, string>(sorted, StringComparer.Ordinal) { [PasswordKey] = passwordHash };
        return string.Join('&', entries.Select(entry => entry.Key + "=" + entry.Value));
    }

#pragma warning disable CA5351 // The gateway's protocol defines verify_sign with MD5; it is a tamper pre-check, never proof of payment.
    private static string Md5Hex(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static bool FixedTimeEquals(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual.ToLowerInvariant()));
}
