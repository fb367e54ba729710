using CareForAll.Identity.Tokens;
using CareForAll.ServiceDefaults.Api;

namespace CareForAll.Identity.Features.Auth.Refresh;

internal sealed class Endpoint(
    NpgsqlDataSource database,
    SessionIssuer sessions,
    RefreshTokenRevocation revocation,
    TimeProvider clock,
    ILogger<Endpoint> logger) : Endpoint<Request, SessionResponse<UserSummary>>
{
    public override void Configure()
    {
        Post("/api/auth/refresh");
        AllowAnonymous();
        MaxRequestBodySize(IdentityLimits.MaxRequestBodyBytes);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (!RefreshTokenValue.LooksValid(req.RefreshToken))
        {
            throw Invalid();
        }

        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        var now = clock.GetUtcNow();
        var token = await Data.LockAsync(connection, transaction, RefreshTokenValue.Hash(req.RefreshToken!), ct);

        switch (RefreshTokenRotation.Decide(token, now))
        {
            case RefreshDecision.Rotate:
                var session = await sessions.IssueAsync(connection, transaction, token!.UserId, token.Email, token.Role, token.EmailVerified, token.FamilyId, ct);
                await Data.MarkReplacedAsync(connection, transaction, token.Id, session.RefreshTokenId, now, ct);
                await transaction.CommitAsync(ct);
                await Send.OkAsync(Mapper.ToResponse(token, session), ct);
                return;

            case RefreshDecision.Reused:
                // Committed before answering: the family stays revoked whatever happens to this response.
                var revoked = await revocation.RevokeFamilyAsync(connection, transaction, token!.FamilyId, RefreshTokenRevocation.ReasonReuse, ct);
                await transaction.CommitAsync(ct);
                await revocation.DenyLiveAccessTokensAsync(revoked);
                logger.RefreshTokenReused(token.UserId, token.FamilyId);
                throw new ApiException(
                    StatusCodes.Status401Unauthorized,
                    "REFRESH_TOKEN_REUSED",
                    "This refresh token was already used; the session has been revoked. Please log in again.");

            case RefreshDecision.Expired:
                throw new ApiException(StatusCodes.Status401Unauthorized, "REFRESH_TOKEN_EXPIRED", "The refresh token has expired. Please log in again.");

            case RefreshDecision.Suspended:
                throw new ApiException(StatusCodes.Status403Forbidden, "ACCOUNT_SUSPENDED", "This account is suspended.");

            default:
                throw Invalid();
        }
    }

    private static ApiException Invalid() =>
        new(StatusCodes.Status401Unauthorized, "INVALID_REFRESH_TOKEN", "The refresh token is not valid.");
}
