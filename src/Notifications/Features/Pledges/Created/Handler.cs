using CareForAll.BuildingBlocks.Messaging;
using CareForAll.Notifications.Directories;
using CareForAll.Notifications.Mail;
using CareForAll.ServiceDefaults.Api;

namespace CareForAll.Notifications.Features.Pledges.Created;

/// <summary>
/// "We received your pledge" to the donor, in English and Bangla. Donor mail never waits: a campaign not known here
/// yet is named generically rather than holding the mail back.
/// </summary>
internal sealed class Handler(MailQueue queue, ILogger<Handler> logger) : CareForAll.BuildingBlocks.Messaging.IEventHandler<PledgeEventData>
{
    public const string EventType = "pledge.created";

    public async Task HandleAsync(EventContext<PledgeEventData> context, CancellationToken cancellationToken)
    {
        var (envelope, data, connection, transaction) = context;
        if (!EmailAddress.IsValid(data.DonorEmail))
        {
            logger.NoRecipient(envelope.EventId, envelope.EventType);
            return;
        }

        var pledgeId = data.PledgeId != Guid.Empty ? data.PledgeId : envelope.AggregateId;
        var campaign = await CampaignDirectory.FindAsync(connection, transaction, data.CampaignId, cancellationToken);
        var model = new PledgeReceivedModel(data.GreetingName, data.Amount, data.CurrencyOrDefault, campaign?.Title, pledgeId);
        await queue.QueueAsync(connection, transaction,
            new MailDraft(MailTemplateNames.PledgeReceived, MailLanguage.EnglishAndBangla, model),
            new Recipient(EmailAddress.Normalize(data.DonorEmail!), data.UserId),
            DedupeKeys.ForPledge(MailTemplateNames.PledgeReceived, pledgeId),
            MailOrigin.Of(envelope),
            cancellationToken);
    }
}
