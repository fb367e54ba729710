using CareForAll.BuildingBlocks.Messaging;
using CareForAll.Identity.Verification;
using CareForAll.ServiceDefaults.Api;

namespace CareForAll.Identity.Features.Auth.VerifyEmail;

/// <summary>
/// Anonymous: the link may be opened on a device where the user is not signed in, and the token itself is the
/// proof. Spends the token and marks the address verified (<c>user.email_verified</c>). A valid, unspent token of
/// an account already verified (an older mail, opened later) is spent and answered the same, with no event.
/// </summary>
internal sealed class Endpoint(NpgsqlDataSource database, TimeProvider clock, ILogger<Endpoint> logger)
    : Endpoint<Request, Response>
{
    public const string EventType = "user.email_verified";

    public override void Configure()
    {
        Post("/api/auth/verify-email");
        AllowAnonymous();
        MaxRequestBodySize(IdentityLimits.MaxRequestBodyBytes);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (!VerificationToken.LooksValid(req.Token))
        {
            throw Invalid();
        }

        var now = clock.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        var verification = await Data.LockAsync(connection, transaction, VerificationToken.Hash(req.Token!), ct);
        if (!VerificationRules.IsUsable(verification, now))
        {
            logger.EmailVerificationRefused();
            throw Invalid();
        }

        await Data.MarkUsedAsync(connection, transaction, verification!.Id, now, ct);
        var verified = await Data.VerifyAsync(connection, transaction, verification.UserId, now, ct);
        var email = verified?.Email ?? await Data.FindEmailAsync(connection, transaction, verification.UserId, ct);
        if (verified is not null)
        {
            await Outbox.AddAsync(connection, transaction, EventType, verified.Id, verified.Version, Mapper.ToEvent(verified), ct);
        }

        await transaction.CommitAsync(ct);

        if (verified is not null)
        {
            logger.EmailVerified(verification.UserId);
        }

        await Send.OkAsync(Mapper.ToResponse(verification.UserId, email), ct);
    }

    private static ApiException Invalid() =>
        new(StatusCodes.Status400BadRequest, "INVALID_VERIFICATION_TOKEN", "This verification link is invalid or has expired.");
}
