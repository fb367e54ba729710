using CareForAll.Identity.Tokens;
using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Identity.Features.Auth.Logout;

internal sealed class Endpoint(
    NpgsqlDataSource database,
    IAccessTokenDenyList denyList,
    RefreshTokenRevocation revocation,
    ILogger<Endpoint> logger) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/auth/logout");
        MaxRequestBodySize(IdentityLimits.MaxRequestBodyBytes);

        // The body is optional: a bare POST (no Content-Type) must reach the handler, not be refused with 415.
        Description(b => b.ClearDefaultAccepts());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = CallerToken.From(User)
            ?? throw new ApiException(StatusCodes.Status401Unauthorized, "UNAUTHORIZED", "The access token lacks the claims logout needs.");

        // The access token first: it is what an attacker holding it could still use.
        await denyList.DenyTokenAsync(caller.Jti, caller.ExpiresAt);

        var sessionRevoked = false;
        if (RefreshTokenValue.LooksValid(req.RefreshToken))
        {
            await using var connection = await database.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var familyId = await Data.FindFamilyAsync(connection, transaction, RefreshTokenValue.Hash(req.RefreshToken!), caller.UserId, ct);
            if (familyId is { } family)
            {
                var revoked = await revocation.RevokeFamilyAsync(connection, transaction, family, RefreshTokenRevocation.ReasonLogout, ct);
                await transaction.CommitAsync(ct);
                await revocation.DenyLiveAccessTokensAsync(revoked);
                sessionRevoked = true;
            }
        }

        logger.LoggedOut(caller.UserId);
        await Send.OkAsync(new Response { LoggedOut = true, SessionRevoked = sessionRevoked }, ct);
    }
}
