using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace CareForAll.Identity.Tokens;

/// <summary>
/// The ES256 key identity signs access tokens with, and its public half as published in the JWKS.
/// The key id is the RFC 7638 thumbprint, so the same key always gets the same kid on every replica.
/// </summary>
internal sealed class SigningKey : IDisposable
{
    public const string Algorithm = SecurityAlgorithms.EcdsaSha256;

    // OID of NIST P-256 (secp256r1), the only curve ES256 allows.
    private const string P256Oid = "1.2.840.10045.3.1.7";

    private readonly ECDsa _privateKey;
    private readonly ECDsa _publicKey;

    private SigningKey(ECDsa privateKey)
    {
        _privateKey = privateKey;
        _publicKey = ECDsa.Create(privateKey.ExportParameters(includePrivateParameters: false));

        var publicJwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(_publicKey));
        KeyId = Base64UrlEncoder.Encode(publicJwk.ComputeJwkThumbprint());
        X = publicJwk.X;
        Y = publicJwk.Y;

        SecurityKey = new ECDsaSecurityKey(_privateKey) { KeyId = KeyId };
        PublicSecurityKey = new ECDsaSecurityKey(_publicKey) { KeyId = KeyId };
        Credentials = new SigningCredentials(SecurityKey, Algorithm);
    }

    public string KeyId { get; }

    /// <summary>Base64url x coordinate of the public point.</summary>
    public string X { get; }

    /// <summary>Base64url y coordinate of the public point.</summary>
    public string Y { get; }

    public ECDsaSecurityKey SecurityKey { get; }

    public ECDsaSecurityKey PublicSecurityKey { get; }

    public SigningCredentials Credentials { get; }

    /// <summary>Reads a P-256 private key from PEM (PKCS#8 or SEC1), failing with a message an operator can act on.</summary>
    public static SigningKey FromPem(string? pem)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            throw new InvalidOperationException(
                "Auth:SigningKey is not configured. Identity needs the PKCS#8 PEM of a P-256 private key " +
                "(the AppHost passes it as the secret parameter Auth__SigningKey).");
        }

        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(pem.Replace("\\n", "\n", StringComparison.Ordinal));
            var curve = ecdsa.ExportParameters(includePrivateParameters: false).Curve;
            if (curve.Oid.Value != P256Oid && curve.Oid.FriendlyName is not ("nistP256" or "ECDSA_P256"))
            {
                throw new InvalidOperationException("Auth:SigningKey must be a P-256 key for ES256.");
            }

            return new SigningKey(ecdsa);
        }
        catch (ArgumentException ex)
        {
            ecdsa.Dispose();
            throw new InvalidOperationException(
                "Auth:SigningKey is not a readable PEM private key (expected \"-----BEGIN PRIVATE KEY-----\").", ex);
        }
        catch (CryptographicException ex)
        {
            ecdsa.Dispose();
            throw new InvalidOperationException("Auth:SigningKey could not be imported as an EC private key.", ex);
        }
        catch
        {
            ecdsa.Dispose();
            throw;
        }
    }

    /// <summary>Creates a fresh key, for tests and for development tools that need a PEM to pass on.</summary>
    public static string GeneratePem()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return ecdsa.ExportPkcs8PrivateKeyPem();
    }

    public void Dispose()
    {
        _privateKey.Dispose();
        _publicKey.Dispose();
    }
}
