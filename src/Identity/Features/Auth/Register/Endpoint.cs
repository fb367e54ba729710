using CareForAll.BuildingBlocks.Messaging;
using CareForAll.Identity.Passwords;
using CareForAll.Identity.Tokens;
using CareForAll.Identity.Verification;
using CareForAll.ServiceDefaults.Api;

namespace CareForAll.Identity.Features.Auth.Register;

/// <summary>
/// Creates a USER account and signs it in. The account starts unverified: the same transaction asks for the
/// verification mail (<c>user.verification_requested</c>), so no account exists without its link on the way.
/// </summary>
internal sealed class Endpoint(
    NpgsqlDataSource database,
    PasswordHasher passwords,
    SessionIssuer sessions,
    EmailVerifications verifications,
    TimeProvider clock,
    ILogger<Endpoint> logger) : Endpoint<Request, SessionResponse<UserSummary>>
{
    public const string EventType = "user.registered";

    public override void Configure()
    {
        Post("/api/auth/register");
        AllowAnonymous();
        MaxRequestBodySize(IdentityLimits.MaxRequestBodyBytes);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var user = Mapper.ToNewUser(req, Guid.CreateVersion7(now), passwords.Hash(req.Password!), now);

        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        if (!await Data.TryInsertAsync(connection, transaction, user, ct))
        {
            throw new ApiException(StatusCodes.Status409Conflict, "EMAIL_TAKEN", "An account with this email already exists.");
        }

        await Outbox.AddAsync(connection, transaction, EventType, user.Id, 1, Mapper.ToEvent(user), ct);
        await verifications.RequestAsync(connection, transaction, Mapper.ToRecipient(user), ct);
        var session = await sessions.IssueAsync(connection, transaction, user.Id, user.Email, user.Role, emailVerified: false, familyId: null, ct);
        await transaction.CommitAsync(ct);

        logger.UserRegistered(user.Id);
        await Send.ResponseAsync(Mapper.ToResponse(user, session), StatusCodes.Status201Created, ct);
    }
}
