using CareForAll.Identity.Tokens;
using Riok.Mapperly.Abstractions;

namespace CareForAll.Identity.Features.Keys.Jwks;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class Mapper
{
    public static Response ToResponse(SigningKey key) => new([ToJwk(key)]);

    [MapValue(nameof(PublicJwk.Kty), "EC")]
    [MapValue(nameof(PublicJwk.Use), "sig")]
    [MapValue(nameof(PublicJwk.Alg), "ES256")]
    [MapValue(nameof(PublicJwk.Crv), "P-256")]
    [MapProperty(nameof(SigningKey.KeyId), nameof(PublicJwk.Kid))]
    private static partial PublicJwk ToJwk(SigningKey key);
}
