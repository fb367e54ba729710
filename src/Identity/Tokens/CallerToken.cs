using System.Globalization;
using CareForAll.ServiceDefaults.Auth;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CareForAll.Identity.Tokens;

/// <summary>The facts about the caller's own access token that logout and verify need, read from its claims.</summary>
internal sealed record CallerToken(Guid UserId, string Email, string Role, bool EmailVerified, string Jti, DateTimeOffset ExpiresAt)
{
    public static CallerToken? From(ClaimsPrincipal user)
    {
        var sub = user.FindFirstValue(CareForAllClaims.Subject);
        var jti = user.FindFirstValue(CareForAllClaims.TokenId);
        var exp = user.FindFirstValue(JwtRegisteredClaimNames.Exp);
        if (!Guid.TryParse(sub, out var userId)
            || string.IsNullOrEmpty(jti)
            || !long.TryParse(exp, NumberStyles.Integer, CultureInfo.InvariantCulture, out var expSeconds))
        {
            return null;
        }

        return new CallerToken(
            userId,
            user.FindFirstValue(CareForAllClaims.Email) ?? string.Empty,
            user.FindFirstValue(CareForAllClaims.Role) ?? string.Empty,
            user.EmailVerified(),
            jti,
            DateTimeOffset.FromUnixTimeSeconds(expSeconds));
    }
}
