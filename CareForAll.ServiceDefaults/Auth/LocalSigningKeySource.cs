using Microsoft.IdentityModel.Tokens;

namespace CareForAll.ServiceDefaults.Auth;

/// <summary>Keys supplied in-process (identity validating its own tokens without calling itself).</summary>
internal sealed class LocalSigningKeySource(IServiceProvider services, Func<IServiceProvider, IEnumerable<SecurityKey>> keys)
    : ISigningKeySource
{
    public ValueTask EnsureKeyAsync(string? kid, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public IEnumerable<SecurityKey> GetKeys(string? kid) => SigningKeys.Matching(keys(services), kid);
}
