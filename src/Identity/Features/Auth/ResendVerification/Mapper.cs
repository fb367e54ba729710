using CareForAll.Identity.Verification;

namespace CareForAll.Identity.Features.Auth.ResendVerification;

internal static class Mapper
{
    public static VerificationRecipient ToRecipient(Account account) => new(account.Id, account.Email, account.FirstName);

    public static Response ToResponse(Account account, DateTimeOffset expiresAt) => new() { Email = account.Email, ExpiresAt = expiresAt };
}
