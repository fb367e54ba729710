using CareForAll.Identity.Tokens;
using CareForAll.ServiceDefaults.Auth;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CareForAll.Identity.Tests;

/// <summary>An issuer over a fresh key, and validation set up the way every CareForAll service validates.</summary>
internal sealed class TokenFixture : IDisposable
{
    public TokenFixture(DateTimeOffset? now = null, string audience = "careforall")
    {
        Clock = new FixedClock(now ?? DateTimeOffset.UtcNow);
        Key = SigningKey.FromPem(SigningKey.GeneratePem());
        Issuer = new AccessTokenIssuer(
            Key,
            Options.Create(new AuthOptions { Audience = audience }),
            Options.Create(new TokenLifetimes()),
            Clock);
    }

    public FixedClock Clock { get; }

    public SigningKey Key { get; }

    public AccessTokenIssuer Issuer { get; }

    /// <summary>The rules every service validates tokens with (ServiceDefaults), with identity's default settings.</summary>
    public static TokenValidationParameters ValidationParameters(params SecurityKey[] keys) =>
        CareForAllTokenValidation.Parameters(new CareForAllAuthOptions(), _ => keys);

    public static async Task<TokenValidationResult> ValidateAsync(string token, params SecurityKey[] keys) =>
        await new JsonWebTokenHandler().ValidateTokenAsync(token, ValidationParameters(keys));

    public void Dispose() => Key.Dispose();
}
