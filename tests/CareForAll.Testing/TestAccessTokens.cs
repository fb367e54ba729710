using System.Security.Cryptography;
using CareForAll.ServiceDefaults.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CareForAll.Testing;

/// <summary>Access tokens shaped as identity issues them, signed with a key of the test's own (the host trusts only it).</summary>
public sealed class TestAccessTokens : IDisposable
{
    readonly ECDsa _ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>Creates a fresh P-256 signing key.</summary>
    public TestAccessTokens() => Key = new ECDsaSecurityKey(_ecdsa) { KeyId = "test-key" };

    /// <summary>The key a host validates these tokens with.</summary>
    public SecurityKey Key { get; }

    /// <summary>A 15-minute access token for <paramref name="userId"/>.</summary>
    /// <param name="userId">The subject.</param>
    /// <param name="role"><c>USER</c> or <c>ADMIN</c>.</param>
    /// <param name="email">The email claim; null leaves it out.</param>
    public string Issue(Guid userId, string role = CareForAllClaims.UserRole, string? email = "someone@example.org")
    {
        var claims = new Dictionary<string, object>
        {
            [CareForAllClaims.Subject] = userId.ToString(),
            [CareForAllClaims.Role] = role,
            [CareForAllClaims.TokenId] = Guid.NewGuid().ToString(),
        };
        if (email is not null)
        {
            claims[CareForAllClaims.Email] = email;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "careforall-identity",
            Audience = "careforall",
            Expires = DateTime.UtcNow.AddMinutes(15),
            Claims = claims,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.EcdsaSha256),
        });
    }

    /// <inheritdoc />
    public void Dispose() => _ecdsa.Dispose();
}
