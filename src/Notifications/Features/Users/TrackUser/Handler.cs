using CareForAll.BuildingBlocks.Messaging;
using CareForAll.Notifications.Directories;
using CareForAll.Notifications.Features.Organisers;
using CareForAll.ServiceDefaults.Api;

namespace CareForAll.Notifications.Features.Users.TrackUser;

/// <summary>
/// <c>user.registered</c> only fills the user directory (the welcome goes with the verification link, on
/// <c>user.verification_requested</c>). Organiser mail that was waiting for this user's address goes out now.
/// </summary>
internal sealed class Handler(OrganiserMails organisers, TimeProvider clock, ILogger<Handler> logger) : CareForAll.BuildingBlocks.Messaging.IEventHandler<UserEventData>
{
    public const string EventType = "user.registered";

    public async Task HandleAsync(EventContext<UserEventData> context, CancellationToken cancellationToken)
    {
        var (envelope, data, connection, transaction) = context;
        var userId = data.UserId != Guid.Empty ? data.UserId : envelope.AggregateId;
        if (!EmailAddress.IsValid(data.Email))
        {
            logger.NoRecipient(envelope.EventId, envelope.EventType);
            return;
        }

        await UserLock.TakeAsync(connection, transaction, userId, cancellationToken);
        await UserDirectory.UpsertAsync(connection, transaction, userId, EmailAddress.Normalize(data.Email!), Trimmed(data.FirstName), Trimmed(data.LastName),
            Trimmed(data.Role), clock.GetUtcNow(), cancellationToken);
        await organisers.ReleaseForUserAsync(connection, transaction, userId, cancellationToken);
    }

    internal static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
