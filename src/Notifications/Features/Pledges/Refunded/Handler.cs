using CareForAll.BuildingBlocks.Messaging;
using CareForAll.Notifications.Directories;
using CareForAll.Notifications.Mail;
using CareForAll.ServiceDefaults.Api;

namespace CareForAll.Notifications.Features.Pledges.Refunded;

/// <summary>
/// A refund: the donation stops counting for donor mail and the final report, and the donor gets a refund
/// confirmation, but only when the pledge had completed (a risk-held payment rejected before completing was never
/// a donation the donor had a receipt for).
/// </summary>
internal sealed class Handler(MailQueue queue, TimeProvider clock, ILogger<Handler> logger) : CareForAll.BuildingBlocks.Messaging.IEventHandler<PledgeEventData>
{
    public const string EventType = "pledge.refunded";

    public async Task HandleAsync(EventContext<PledgeEventData> context, CancellationToken cancellationToken)
    {
        var (envelope, data, connection, transaction) = context;
        if (!EmailAddress.IsValid(data.DonorEmail))
        {
            logger.NoRecipient(envelope.EventId, envelope.EventType);
            return;
        }

        var email = EmailAddress.Normalize(data.DonorEmail!);
        var pledgeId = data.PledgeId != Guid.Empty ? data.PledgeId : envelope.AggregateId;
        var now = clock.GetUtcNow();
        await Donations.RecordAsync(connection, transaction, new DonationRecord(
            pledgeId, data.CampaignId, Donations.DonorKey(data.UserId, email), data.UserId, email, data.GreetingName, data.Amount,
            data.CurrencyOrDefault, Counted: false, CompletedAt: null, envelope.AggregateVersion), now, cancellationToken);
        if (data.UserId is null)
        {
            // A refunded donation still shows in the guest's history.
            await GuestDonors.RememberAsync(connection, transaction, email, now, cancellationToken);
        }

        if (!string.Equals(data.PreviousStatus, PledgeEventData.Completed, StringComparison.Ordinal))
        {
            logger.RefundNotMailed(pledgeId, data.PreviousStatus);
            return;
        }

        var campaign = await CampaignDirectory.FindAsync(connection, transaction, data.CampaignId, cancellationToken);
        var model = new RefundModel(data.GreetingName, data.Amount, data.CurrencyOrDefault, campaign?.Title, data.TranId, pledgeId,
            data.OccurredAt ?? envelope.OccurredAt);
        await queue.QueueAsync(connection, transaction,
            new MailDraft(MailTemplateNames.Refund, MailLanguage.EnglishAndBangla, model),
            new Recipient(email, data.UserId),
            DedupeKeys.ForPledge(MailTemplateNames.Refund, pledgeId),
            MailOrigin.Of(envelope),
            cancellationToken);
    }
}
