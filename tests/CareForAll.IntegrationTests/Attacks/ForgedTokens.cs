using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace CareForAll.IntegrationTests.Attacks;

/// <summary>
/// Access tokens made by hand, as an attacker would make them: altered, unsigned, signed with the wrong key, or (with
/// the run's real key, read from the AppHost's secret parameter) expired or for another audience, so that the only
/// thing wrong with each is the one flaw under test.
/// </summary>
internal sealed class ForgedTokens : IDisposable
{
    private readonly ECDsa _platformKey;
    private readonly ECDsa _strangerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    private ForgedTokens(ECDsa platformKey) => _platformKey = platformKey;

    public static async Task<ForgedTokens> CreateAsync(PlatformFixture platform, CancellationToken ct)
    {
        var parameter = platform.App.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .OfType<ParameterResource>().Single(p => p.Name == "jwt-signing-key");
        var pem = await parameter.GetValueAsync(ct) ?? throw new InvalidOperationException("The run has no signing key.");
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return new ForgedTokens(key);
    }

    /// <summary>The claims identity would put in a token for <paramref name="userId"/>, valid for 15 minutes from now.</summary>
    public static JsonObject Claims(Guid userId, string email, string role = "USER", string audience = "careforall", DateTimeOffset? expires = null)
    {
        var now = DateTimeOffset.UtcNow;
        var exp = expires ?? now.AddMinutes(15);
        return new JsonObject
        {
            ["iss"] = "careforall-identity",
            ["aud"] = audience,
            ["sub"] = userId.ToString(),
            ["email"] = email,
            ["role"] = role,
            ["email_verified"] = "true",
            ["jti"] = Guid.NewGuid().ToString(),
            ["iat"] = exp.AddMinutes(-15).ToUnixTimeSeconds(),
            ["nbf"] = exp.AddMinutes(-15).ToUnixTimeSeconds(),
            ["exp"] = exp.ToUnixTimeSeconds(),
        };
    }

    /// <summary>Signed with the platform's own key: only the claims can be wrong.</summary>
    public string SignedByPlatform(JsonObject claims) => Sign(claims, _platformKey, KeyIdOfPlatform);

    /// <summary>Signed with a key the platform never published, under the platform's key id.</summary>
    public string SignedByStranger(JsonObject claims) => Sign(claims, _strangerKey, KeyIdOfPlatform);

    /// <summary>No signature at all (<c>alg: none</c>).</summary>
    public static string Unsigned(JsonObject claims) =>
        $"{Encode(new JsonObject { ["alg"] = "none", ["typ"] = "JWT" })}.{Encode(claims)}.";

    /// <summary>HS256 keyed with public text (the published key's coordinates): the classic algorithm confusion.</summary>
    public string HmacWithPublicKey(JsonObject claims)
    {
        var parameters = _platformKey.ExportParameters(includePrivateParameters: false);
        var secret = Encoding.UTF8.GetBytes(Base64UrlEncoder.Encode(parameters.Q.X!) + Base64UrlEncoder.Encode(parameters.Q.Y!));
        var signingInput = $"{Encode(new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT", ["kid"] = KeyIdOfPlatform })}.{Encode(claims)}";
        var signature = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{Base64UrlEncoder.Encode(signature)}";
    }

    /// <summary>A real token whose payload was rewritten (role, subject...) while its signature was kept.</summary>
    public static string Tampered(string realToken, Action<JsonObject> change)
    {
        var parts = realToken.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        change(payload);
        return $"{parts[0]}.{Encode(payload)}.{parts[2]}";
    }

    /// <summary>The payload of a real token, as identity wrote it.</summary>
    public static JsonObject PayloadOf(string token) => JsonNode.Parse(Base64UrlEncoder.Decode(token.Split('.')[1]))!.AsObject();

    private string KeyIdOfPlatform { get; set; } = "";

    /// <summary>Learns the key id identity signs with from one of its real tokens.</summary>
    public void UseKeyIdOf(string realToken) =>
        KeyIdOfPlatform = JsonNode.Parse(Base64UrlEncoder.Decode(realToken.Split('.')[0]))!["kid"]?.GetValue<string>() ?? "";

    private static string Sign(JsonObject claims, ECDsa key, string keyId)
    {
        var header = new JsonObject { ["alg"] = "ES256", ["typ"] = "JWT" };
        if (keyId.Length > 0)
        {
            header["kid"] = keyId;
        }

        var signingInput = $"{Encode(header)}.{Encode(claims)}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return $"{signingInput}.{Base64UrlEncoder.Encode(signature)}";
    }

    private static string Encode(JsonNode node) => Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(node));

    public void Dispose()
    {
        _platformKey.Dispose();
        _strangerKey.Dispose();
    }
}
