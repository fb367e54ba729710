using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace CareForAll.Identity.Verification;

/// <summary>
/// The secret a verification link carries: 32 random bytes, base64url (43 characters, safe in a URL fragment).
/// Only its SHA-256 is stored; as with refresh tokens, a fast hash is enough for 256 random bits.
/// </summary>
internal static class VerificationToken
{
    private const int RandomBytes = 32;
    private const int EncodedLength = 43;

    public static string Generate() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(RandomBytes));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether the string could be a token we issued; anything else is refused before the database.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: EncodedLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
