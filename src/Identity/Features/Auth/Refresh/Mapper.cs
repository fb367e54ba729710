using CareForAll.Identity.Tokens;
using Riok.Mapperly.Abstractions;

namespace CareForAll.Identity.Features.Auth.Refresh;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class Mapper
{
    public static Response ToResponse(RefreshTokenState token, IssuedSession session) => new()
    {
        User = ToSummary(token),
        AccessToken = session.AccessToken.Value,
        RefreshToken = session.RefreshToken,
        ExpiresIn = session.AccessTokenExpiresIn,
        RefreshTokenExpiresAt = session.RefreshTokenExpiresAt,
    };

    [MapProperty(nameof(RefreshTokenState.UserId), nameof(UserSummary.Id))]
    private static partial UserSummary ToSummary(RefreshTokenState token);
}
