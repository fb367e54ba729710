using CareForAll.Identity.Tokens;
using Riok.Mapperly.Abstractions;

namespace CareForAll.Identity.Features.Auth.Refresh;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class Mapper
{
    public static SessionResponse<UserSummary> ToResponse(RefreshTokenState token, IssuedSession session) =>
        SessionResponse.For(ToSummary(token), session);

    [MapProperty(nameof(RefreshTokenState.UserId), nameof(UserSummary.Id))]
    private static partial UserSummary ToSummary(RefreshTokenState token);
}
