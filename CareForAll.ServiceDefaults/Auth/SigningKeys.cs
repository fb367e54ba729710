using Microsoft.IdentityModel.Tokens;

namespace CareForAll.ServiceDefaults.Auth;

internal static class SigningKeys
{
    public static IEnumerable<SecurityKey> Matching(IEnumerable<SecurityKey> keys, string? kid) =>
        kid is null ? keys : keys.Where(k => string.Equals(k.KeyId, kid, StringComparison.Ordinal));
}
