using System.Security.Cryptography;
using System.Text;

namespace CareForAll.Payments.SslCommerz;

/// <summary>
/// The gateway's notification signatures (sslcommerz.md B 5): every key named in <c>verify_key</c> with its posted
/// value, plus <c>store_passwd</c> = hash of the store password, sorted by key (ordinal), joined as
/// <c>k=v&amp;k=v</c>, hashed over UTF-8. <c>verify_sign</c> uses MD5, <c>verify_sign_sha2</c> SHA-256. A tamper
/// pre-check only: the validation API, not this, proves a payment.
/// </summary>
internal static class NotificationSignature
{
    public const string VerifySign = "verify_sign";
    public const string VerifySignSha2 = "verify_sign_sha2";
    public const string VerifyKey = "verify_key";

    // Without these among the signed keys a valid signature would say nothing about what we act on.
    private static readonly string[] AlwaysSigned = ["tran_id", "status"];
    private static readonly string[] SignedWhenValid = ["val_id", "amount"];

    public static SignatureVerdict Verify(IReadOnlyDictionary<string, string> form, string storePassword)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentException.ThrowIfNullOrEmpty(storePassword);

        if (!form.TryGetValue(VerifySign, out var md5) || string.IsNullOrWhiteSpace(md5))
        {
            return SignatureVerdict.Invalid("verify_sign is missing");
        }

        if (!form.TryGetValue(VerifyKey, out var verifyKey) || string.IsNullOrWhiteSpace(verifyKey))
        {
            return SignatureVerdict.Invalid("verify_key is missing");
        }

        var keys = verifyKey.Split(',');
        var signed = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!form.TryGetValue(key, out var value))
            {
                return SignatureVerdict.Invalid($"signed field '{key}' is missing");
            }

            signed[key] = value;
        }

        var status = form.TryGetValue("status", out var s) ? GatewayStatus.Normalize(s) : "";
        var required = GatewayStatus.IsPaid(status) ? AlwaysSigned.Concat(SignedWhenValid) : AlwaysSigned;
        if (required.FirstOrDefault(k => !signed.ContainsKey(k)) is { } unsigned)
        {
            return SignatureVerdict.Invalid($"field '{unsigned}' is not signed");
        }

        if (!HashEquals(md5, ComputeMd5(signed, storePassword)))
        {
            return SignatureVerdict.Invalid("verify_sign does not match");
        }

        if (form.TryGetValue(VerifySignSha2, out var sha2) && !string.IsNullOrWhiteSpace(sha2)
            && !HashEquals(sha2, ComputeSha2(signed, storePassword)))
        {
            return SignatureVerdict.Invalid("verify_sign_sha2 does not match");
        }

        return SignatureVerdict.Valid;
    }

    /// <summary>The <c>verify_sign</c> of <paramref name="signed"/> (the keys listed in verify_key and their values).</summary>
#pragma warning disable CA5351 // MD5 is the gateway's protocol, not our choice; SHA-256 is checked too when sent.
    public static string ComputeMd5(IEnumerable<KeyValuePair<string, string>> signed, string storePassword) =>
        Hex(MD5.HashData(Encoding.UTF8.GetBytes(Canonical(signed, Hex(MD5.HashData(Encoding.UTF8.GetBytes(storePassword)))))));
#pragma warning restore CA5351

    /// <summary>The <c>verify_sign_sha2</c> of <paramref name="signed"/>.</summary>
    public static string ComputeSha2(IEnumerable<KeyValuePair<string, string>> signed, string storePassword) =>
        Hex(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(signed, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(storePassword)))))));

    private static string Canonical(IEnumerable<KeyValuePair<string, string>> signed, string passwordHash)
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in signed)
        {
            entries[key] = value;
        }

        entries["store_passwd"] = passwordHash;
        return string.Join('&', entries.Select(e => e.Key + "=" + e.Value));
    }

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    /// <summary>Compares hex digests in constant time, whatever the case of the presented one.</summary>
    private static bool HashEquals(string presented, string expected)
    {
        byte[] presentedBytes;
        try
        {
            presentedBytes = Convert.FromHexString(presented.Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(presentedBytes, Convert.FromHexString(expected));
    }
}
