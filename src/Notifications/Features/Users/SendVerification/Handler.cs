using CareForAll.BuildingBlocks.Messaging;
using CareForAll.Notifications.Directories;
using CareForAll.Notifications.Features.Organisers;
using CareForAll.Notifications.Mail;
using CareForAll.ServiceDefaults.Api;
using Microsoft.Extensions.Options;
using TrackUser = CareForAll.Notifications.Features.Users.TrackUser;

namespace CareForAll.Notifications.Features.Users.SendVerification;

/// <summary>
/// Mails the email-verification link of <c>user.verification_requested</c>: the first one a user gets is the
/// welcome mail (registration emits this event in its own transaction), any later one (a resend) is a plain
/// "confirm your email" mail. The welcome's dedupe key is the user, so two requests racing each other still make
/// one welcome and one resend mail. The link carries the token in the fragment, which browsers never send to a
/// server or put in a Referer.
/// </summary>
internal sealed class Handler(
    MailQueue queue,
    OrganiserMails organisers,
    IOptions<NotificationsOptions> options,
    TimeProvider clock,
    ILogger<Handler> logger) : CareForAll.BuildingBlocks.Messaging.IEventHandler<UserEventData>
{
    public const string EventType = "user.verification_requested";

    public async Task HandleAsync(EventContext<UserEventData> context, CancellationToken cancellationToken)
    {
        var (envelope, data, connection, transaction) = context;
        var userId = data.UserId != Guid.Empty ? data.UserId : envelope.AggregateId;
        if (!EmailAddress.IsValid(data.Email) || string.IsNullOrWhiteSpace(data.Token))
        {
            logger.NoRecipient(envelope.EventId, envelope.EventType);
            return;
        }

        var email = EmailAddress.Normalize(data.Email!);
        await UserLock.TakeAsync(connection, transaction, userId, cancellationToken);
        await UserDirectory.UpsertAsync(connection, transaction, userId, email, TrackUser.Handler.Trimmed(data.FirstName), null, null, clock.GetUtcNow(),
            cancellationToken);
        await organisers.ReleaseForUserAsync(connection, transaction, userId, cancellationToken);

        var model = new VerificationModel(
            TrackUser.Handler.Trimmed(data.FirstName),
            options.Value.Link($"/verify-email#token={Uri.EscapeDataString(data.Token!.Trim())}"),
            data.ExpiresAt);
        var to = new Recipient(email, userId);
        var origin = MailOrigin.Of(envelope);
        var welcomed = await queue.QueueAsync(connection, transaction,
            new MailDraft(MailTemplateNames.Welcome, MailLanguage.EnglishAndBangla, model, Sensitive: true),
            to, DedupeKeys.Welcome(userId), origin, cancellationToken) is not null;
        if (!welcomed)
        {
            await queue.QueueAsync(connection, transaction,
                new MailDraft(MailTemplateNames.VerifyEmail, MailLanguage.EnglishAndBangla, model, Sensitive: true),
                to, DedupeKeys.ForEvent(MailTemplateNames.VerifyEmail, envelope.EventId, email), origin, cancellationToken);
        }
    }
}
