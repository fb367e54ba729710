using CareForAll.BuildingBlocks.Messaging;
using CareForAll.Identity.Tokens;
using CareForAll.Identity.Users;
using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Identity.Features.Users.Suspend;

/// <summary>
/// Internal (the gateway never routes /internal): the admin service calls it with an admin's token.
/// A suspended user cannot log in or refresh, and their live access tokens are refused at once.
/// </summary>
internal sealed class Endpoint(
    NpgsqlDataSource database,
    IAccessTokenDenyList denyList,
    RefreshTokenRevocation revocation,
    TimeProvider clock,
    ILogger<Endpoint> logger) : Endpoint<Request, Response>
{
    public const string EventType = "user.suspended";

    public override void Configure()
    {
        Post("/internal/users/{id}/suspend");
        Policies(CareForAllPolicies.Admin);
        MaxRequestBodySize(IdentityLimits.MaxRequestBodyBytes);

        // The body is optional: a bare POST (no Content-Type) must reach the handler, not be refused with 415.
        Description(b => b.ClearDefaultAccepts());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var actor = Actor.From(HttpContext);
        if (actor.ActorId == req.Id)
        {
            throw new ApiException(StatusCodes.Status409Conflict, "CANNOT_SUSPEND_SELF", "An admin cannot suspend their own account.");
        }

        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        var suspended = await Data.SuspendAsync(connection, transaction, req.Id, clock.GetUtcNow(), ct);
        if (suspended is not null)
        {
            await revocation.RevokeAllForUserAsync(connection, transaction, req.Id, RefreshTokenRevocation.ReasonSuspended, ct);
            await Outbox.AddAsync(connection, transaction, EventType, req.Id, suspended.Version, Mapper.ToEvent(suspended, req.Reason, actor), ct);
        }

        var state = await Data.FindStateAsync(connection, transaction, req.Id, ct)
            ?? throw new ApiException(StatusCodes.Status404NotFound, "USER_NOT_FOUND", "No user has this id.");

        // Written before the commit (and again on a repeated call): if Redis is unreachable nothing is
        // committed and the caller retries, rather than the database saying "suspended" while tokens still work.
        await denyList.SuspendUserAsync(req.Id);
        await transaction.CommitAsync(ct);

        if (suspended is not null)
        {
            logger.UserSuspended(req.Id, actor.ActorId);
        }

        await Send.OkAsync(Mapper.ToResponse(req.Id, state), ct);
    }
}
