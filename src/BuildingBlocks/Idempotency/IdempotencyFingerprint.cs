using System.Security.Cryptography;
using System.Text;

namespace CareForAll.BuildingBlocks.Idempotency;

/// <summary>What identifies "the same request" behind one Idempotency-Key.</summary>
public static class IdempotencyFingerprint
{
    /// <summary>
    /// SHA-256 (lowercase hex) of the upper-cased method, the request path and the body. A key reused with a
    /// different fingerprint is refused with 422.
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The request path (with route values, without the query string's order mattering to callers).</param>
    /// <param name="body">The request body as the endpoint bound it (canonical JSON of the request object).</param>
    public static string Compute(string method, string path, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(method.ToUpperInvariant()));
        hash.AppendData("\n"u8);
        hash.AppendData(Encoding.UTF8.GetBytes(path));
        hash.AppendData("\n"u8);
        hash.AppendData(body);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// The scope a key lives in: the route and the caller. Guests (no user id) share one scope per route; their
    /// keys are client-generated UUIDs.
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The request path.</param>
    /// <param name="userId">The authenticated caller, or null for a guest.</param>
    public static string Scope(string method, string path, string? userId)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        return $"{method.ToUpperInvariant()} {path} user:{(string.IsNullOrEmpty(userId) ? "guest" : userId)}";
    }
}
