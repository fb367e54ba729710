using CareForAll.BuildingBlocks.Messaging;
using CareForAll.Identity.Users;
using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;

namespace CareForAll.Identity.Features.Users.Reactivate;

/// <summary>Internal, admin only: lets a suspended user log in again. Old sessions stay revoked.</summary>
internal sealed class Endpoint(
    NpgsqlDataSource database,
    IAccessTokenDenyList denyList,
    TimeProvider clock,
    ILogger<Endpoint> logger) : Endpoint<Request, Response>
{
    public const string EventType = "user.reactivated";

    public override void Configure()
    {
        Post("/internal/users/{id}/reactivate");
        Policies(CareForAllPolicies.Admin);
        MaxRequestBodySize(IdentityLimits.MaxRequestBodyBytes);

        // The body is optional: a bare POST (no Content-Type) must reach the handler, not be refused with 415.
        Description(b => b.ClearDefaultAccepts());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var actor = Actor.From(HttpContext);

        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        var reactivated = await Data.ReactivateAsync(connection, transaction, req.Id, clock.GetUtcNow(), ct);
        if (reactivated is not null)
        {
            await Outbox.AddAsync(
                connection,
                transaction,
                EventType,
                req.Id,
                reactivated.Version,
                Mapper.ToEvent(reactivated, req.Reason, actor),
                ct);
        }
        else if (await Data.FindIsActiveAsync(connection, transaction, req.Id, ct) is null)
        {
            throw new ApiException(StatusCodes.Status404NotFound, "USER_NOT_FOUND", "No user has this id.");
        }

        // After the commit: if Redis fails here the user stays refused (the safe side) and a retry, which finds
        // the user already active, clears the key.
        await transaction.CommitAsync(ct);
        await denyList.ReinstateUserAsync(req.Id);

        if (reactivated is not null)
        {
            logger.UserReactivated(req.Id, actor.ActorId);
        }

        await Send.OkAsync(new Response { UserId = req.Id, Status = UserStatus.Active, IsActive = true }, ct);
    }
}
