using CareForAll.Identity.Tokens;
using Riok.Mapperly.Abstractions;

namespace CareForAll.Identity.Features.Auth.Login;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class Mapper
{
    public static SessionResponse<UserSummary> ToResponse(Credentials user, IssuedSession session) =>
        SessionResponse.For(ToSummary(user), session);

    private static partial UserSummary ToSummary(Credentials user);
}
