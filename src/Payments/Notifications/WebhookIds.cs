using System.Security.Cryptography;
using System.Text;

namespace CareForAll.Payments.Notifications;

/// <summary>
/// The dedupe key of a notification: SHA-256 of (tran_id, status, val_id, signature). IPN retries and the browser's
/// copy carry the same signed fields and so the same key; a different outcome or attempt has a different one.
/// </summary>
internal static class WebhookIds
{
    public static string For(string tranId, string status, string valId, string signature) =>
        Hash($"{tranId}\n{status}\n{valId}\n{signature}");

    /// <summary>
    /// A notification whose signature does not verify is keyed by its whole payload instead: a tampered copy of a
    /// genuine notification carries the genuine signature, and must never take (and so block) the genuine one's key.
    /// </summary>
    public static string ForRefused(string tranId, string status, string valId, string signature, string payloadJson) =>
        Hash($"refused\n{tranId}\n{status}\n{valId}\n{signature}\n{payloadJson}");

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
