using Riok.Mapperly.Abstractions;

namespace CareForAll.Identity.Features.Auth.VerifyEmail;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class Mapper
{
    [MapProperty(nameof(VerifiedUser.Id), nameof(UserEmailVerified.UserId))]
    [MapProperty(nameof(VerifiedUser.UpdatedAt), nameof(UserEmailVerified.OccurredAt))]
    public static partial UserEmailVerified ToEvent(VerifiedUser user);

    public static Response ToResponse(Guid userId, string email) => new() { UserId = userId, Email = email, EmailVerified = true };

    // Npgsql reads timestamptz as a UTC DateTime.
    private static DateTimeOffset ToUtc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
