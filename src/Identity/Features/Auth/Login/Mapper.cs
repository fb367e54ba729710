using CareForAll.Identity.Tokens;
using Riok.Mapperly.Abstractions;

namespace CareForAll.Identity.Features.Auth.Login;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class Mapper
{
    public static Response ToResponse(Credentials user, IssuedSession session) => new()
    {
        User = ToSummary(user),
        AccessToken = session.AccessToken.Value,
        RefreshToken = session.RefreshToken,
        ExpiresIn = session.AccessTokenExpiresIn,
        RefreshTokenExpiresAt = session.RefreshTokenExpiresAt,
    };

    private static partial UserSummary ToSummary(Credentials user);
}
