using System.Security.Cryptography;
using System.Text.Json;
using CareForAll.ServiceDefaults.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CareForAll.ServiceDefaults.Tests.Support;

/// <summary>An ES256 key pair like identity's, able to mint tokens and publish itself as a JWKS.</summary>
internal sealed class TestTokens : IDisposable
{
    private readonly ECDsa _ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public TestTokens(string keyId) => Key = new ECDsaSecurityKey(_ecdsa) { KeyId = keyId };

    public ECDsaSecurityKey Key { get; }

    public string Issuer { get; init; } = "careforall-identity";

    public string Audience { get; init; } = "careforall";

    public string Create(
        Guid? userId = null,
        string role = CareForAllClaims.UserRole,
        string? jti = null,
        DateTime? expires = null,
        string? audience = null)
    {
        var now = DateTime.UtcNow;
        var expiry = expires ?? now.AddMinutes(15);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience ?? Audience,
            IssuedAt = expiry.AddMinutes(-15),
            NotBefore = expiry.AddMinutes(-15),
            Expires = expiry,
            Claims = new Dictionary<string, object>
            {
                [CareForAllClaims.Subject] = (userId ?? Guid.NewGuid()).ToString(),
                [CareForAllClaims.Email] = "donor@example.org",
                [CareForAllClaims.Role] = role,
                [CareForAllClaims.TokenId] = jti ?? Guid.NewGuid().ToString(),
            },
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.EcdsaSha256),
        });
    }

    public string JwksJson()
    {
        var q = _ecdsa.ExportParameters(false).Q;
        return JsonSerializer.Serialize(new
        {
            keys = new[]
            {
                new Dictionary<string, string>
                {
                    ["kty"] = "EC",
                    ["crv"] = "P-256",
                    ["use"] = "sig",
                    ["alg"] = "ES256",
                    ["kid"] = Key.KeyId,
                    ["x"] = Base64UrlEncoder.Encode(q.X),
                    ["y"] = Base64UrlEncoder.Encode(q.Y),
                },
            },
        });
    }

    public void Dispose() => _ecdsa.Dispose();
}
