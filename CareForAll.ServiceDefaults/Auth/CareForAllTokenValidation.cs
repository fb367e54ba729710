using Microsoft.IdentityModel.Tokens;

namespace CareForAll.ServiceDefaults.Auth;

/// <summary>How every CareForAll service validates an access token; identity's tests check its tokens against the same rules.</summary>
public static class CareForAllTokenValidation
{
    /// <summary>The validation parameters for <paramref name="settings"/>, with signing keys looked up by key id.</summary>
    public static TokenValidationParameters Parameters(CareForAllAuthOptions settings, Func<string?, IEnumerable<SecurityKey>> keysFor)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(keysFor);
        return new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.Audience,
            // Pinning the algorithm shuts out alg=none and HMAC-with-the-public-key confusion.
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = settings.ClockSkew,
            NameClaimType = CareForAllClaims.Subject,
            RoleClaimType = CareForAllClaims.Role,
            IssuerSigningKeyResolver = (_, _, kid, _) => keysFor(kid),
        };
    }
}
