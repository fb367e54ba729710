using Microsoft.IdentityModel.Tokens;

namespace CareForAll.ServiceDefaults.Auth;

/// <summary>Where token validation finds identity's public keys.</summary>
internal interface ISigningKeySource
{
    /// <summary>Makes sure the key <paramref name="kid"/> is known if it can be (may fetch; throttled).</summary>
    ValueTask EnsureKeyAsync(string? kid, CancellationToken cancellationToken);

    /// <summary>The keys that may have signed a token with this <paramref name="kid"/> (all keys when null).</summary>
    IEnumerable<SecurityKey> GetKeys(string? kid);
}
