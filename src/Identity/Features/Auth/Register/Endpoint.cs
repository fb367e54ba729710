using CareForAll.BuildingBlocks.Messaging;
using CareForAll.Identity.Passwords;
using CareForAll.Identity.Tokens;
using CareForAll.ServiceDefaults.Api;

namespace CareForAll.Identity.Features.Auth.Register;

internal sealed class Endpoint(
    NpgsqlDataSource database,
    PasswordHasher passwords,
    SessionIssuer sessions,
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
        var session = await sessions.IssueAsync(connection, transaction, user.Id, user.Email, user.Role, familyId: null, ct);
        await transaction.CommitAsync(ct);

        logger.UserRegistered(user.Id);
        await Send.ResponseAsync(Mapper.ToResponse(user, session), StatusCodes.Status201Created, ct);
    }
}
