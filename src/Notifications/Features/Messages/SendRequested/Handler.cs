using CareForAll.BuildingBlocks.Messaging;
using CareForAll.Notifications.Mail;
using CareForAll.ServiceDefaults.Api;

namespace CareForAll.Notifications.Features.Messages.SendRequested;

/// <summary>
/// Sends the message a <c>notification.send_email</c> asks for, in the generic template (its text escaped like any
/// other). One that cannot be sent (no valid address, no subject) is logged and dropped: retrying would not fix it.
/// </summary>
internal sealed class Handler(MailQueue queue, ILogger<Handler> logger) : CareForAll.BuildingBlocks.Messaging.IEventHandler<SendEmailData>
{
    public const string EventType = "notification.send_email";

    public async Task HandleAsync(EventContext<SendEmailData> context, CancellationToken cancellationToken)
    {
        var (envelope, data, connection, transaction) = context;
        if (MessageRules.Refusal(data.To, data.Subject, data.Text) is { } refusal)
        {
            logger.SendEmailRefused(envelope.EventId, refusal);
            return;
        }

        var to = EmailAddress.Normalize(data.To!);
        await queue.QueueAsync(connection, transaction,
            new MailDraft(MailTemplateNames.Message, MailLanguage.EnglishOnly, MessageModel.From(data.Subject!, data.Text!)),
            new Recipient(to, data.UserId),
            DedupeKeys.ForEvent(MailTemplateNames.Message, envelope.EventId, to),
            MailOrigin.Of(envelope),
            cancellationToken);
    }
}
