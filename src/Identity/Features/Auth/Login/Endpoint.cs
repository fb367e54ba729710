using CareForAll.Identity.Passwords;
using CareForAll.Identity.Tokens;
using CareForAll.Identity.Users;
using CareForAll.ServiceDefaults.Api;

namespace CareForAll.Identity.Features.Auth.Login;

internal sealed class Endpoint(
    NpgsqlDataSource database,
    PasswordHasher passwords,
    SessionIssuer sessions,
    ILogger<Endpoint> logger) : Endpoint<Request, SessionResponse<UserSummary>>
{
    public override void Configure()
    {
        Post("/api/auth/login");
        AllowAnonymous();
        MaxRequestBodySize(IdentityLimits.MaxRequestBodyBytes);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var user = await Data.FindAsync(database, EmailAddress.Normalize(req.Email!), ct);

        // One answer for "no such email" and "wrong password", taking the same time, so logins cannot probe
        // which emails are registered.
        var passwordMatches = user is null ? passwords.VerifyDecoy(req.Password!) : PasswordHasher.Verify(req.Password!, user.PasswordHash);
        if (user is null || !passwordMatches)
        {
            logger.LoginRefused("invalid credentials");
            throw new ApiException(StatusCodes.Status401Unauthorized, "INVALID_CREDENTIALS", "Email or password is incorrect.");
        }

        if (!user.IsActive)
        {
            logger.LoginRefused("account suspended");
            throw new ApiException(StatusCodes.Status403Forbidden, "ACCOUNT_SUSPENDED", "This account is suspended.");
        }

        await using var connection = await database.OpenConnectionAsync(ct);
        var session = await sessions.IssueAsync(connection, transaction: null, user.Id, user.Email, user.Role, user.EmailVerified, familyId: null, ct);
        await Send.OkAsync(Mapper.ToResponse(user, session), ct);
    }
}
