using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace CareForAll.Identity.Tokens;

/// <summary>
/// Refresh tokens are opaque random strings; only their SHA-256 is stored, so a leaked table cannot be replayed.
/// A fast hash is enough here: 256 random bits cannot be guessed, unlike a password.
/// </summary>
internal static class RefreshTokenValue
{
    private const int RandomBytes = 32;

    public static string Generate() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(RandomBytes));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Rejects obviously foreign strings before they reach the database.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: > 20 and <= 512 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
