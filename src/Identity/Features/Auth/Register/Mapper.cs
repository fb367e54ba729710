using CareForAll.ServiceDefaults.Api;
using CareForAll.Identity.Tokens;
using CareForAll.Identity.Users;
using CareForAll.Identity.Verification;
using CareForAll.ServiceDefaults.Auth;
using Riok.Mapperly.Abstractions;

namespace CareForAll.Identity.Features.Auth.Register;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class Mapper
{
    /// <summary>Every registration is a USER, whatever the request carried.</summary>
    public static NewUser ToNewUser(Request request, Guid id, string passwordHash, DateTimeOffset now) => new(
        id,
        EmailAddress.Normalize(request.Email!),
        passwordHash,
        CareForAllClaims.UserRole,
        ProfileText.NullIfBlank(request.FirstName),
        ProfileText.NullIfBlank(request.LastName),
        ProfileText.NullIfBlank(request.Phone),
        now);

    public static SessionResponse<UserSummary> ToResponse(NewUser user, IssuedSession session) =>
        SessionResponse.For(ToSummary(user), session);

    [MapProperty(nameof(NewUser.Id), nameof(UserRegistered.UserId))]
    [MapProperty(nameof(NewUser.CreatedAt), nameof(UserRegistered.OccurredAt))]
    public static partial UserRegistered ToEvent(NewUser user);

    public static VerificationRecipient ToRecipient(NewUser user) => new(user.Id, user.Email, user.FirstName);

    [MapValue(nameof(UserSummary.EmailVerified), false)]
    private static partial UserSummary ToSummary(NewUser user);
}
