using CareForAll.Identity.Tokens;
using Riok.Mapperly.Abstractions;

namespace CareForAll.Identity.Features.Auth.Verify;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class Mapper
{
    [MapProperty(nameof(CallerToken.Jti), nameof(Response.TokenId))]
    [MapValue(nameof(Response.Valid), true)]
    public static partial Response ToResponse(CallerToken token);
}
