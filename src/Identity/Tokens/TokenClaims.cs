namespace CareForAll.Identity.Tokens;

/// <summary>Claim names of CareForAll access tokens (short JWT names; inbound claim mapping is off everywhere).</summary>
internal static class TokenClaims
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string Role = "role";
    public const string Jti = "jti";
    public const string Expires = "exp";
}
