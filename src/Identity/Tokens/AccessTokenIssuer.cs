using CareForAll.ServiceDefaults.Auth;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CareForAll.Identity.Tokens;

/// <summary>Issues the short-lived ES256 access tokens every service validates against the JWKS.</summary>
internal sealed class AccessTokenIssuer(
    SigningKey signingKey,
    IOptions<AuthOptions> authOptions,
    IOptions<TokenLifetimes> lifetimes,
    TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public TimeSpan Lifetime => lifetimes.Value.AccessToken;

    /// <param name="emailVerified">
    /// Whether the user has proved their email address, as the database says now: services decide on it (an
    /// unverified user cannot publish a campaign) without asking identity, so it is read fresh at every issue.
    /// </param>
    public AccessToken Issue(Guid userId, string email, string role, bool emailVerified)
    {
        var now = clock.GetUtcNow();
        var expiresAt = now + lifetimes.Value.AccessToken;
        var jti = Guid.NewGuid();

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = authOptions.Value.Issuer,
            Audience = authOptions.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            SigningCredentials = signingKey.Credentials,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = userId.ToString(),
                [JwtRegisteredClaimNames.Email] = email,
                [CareForAllClaims.Role] = role,
                [CareForAllClaims.EmailVerified] = emailVerified ? "true" : "false",
                [JwtRegisteredClaimNames.Jti] = jti.ToString(),
            },
        };

        // exp is whole seconds in the token; report the same instant the validators will see.
        var expiresAtSeconds = DateTimeOffset.FromUnixTimeSeconds(expiresAt.ToUnixTimeSeconds());
        return new AccessToken(_handler.CreateToken(descriptor), jti, expiresAtSeconds);
    }
}
