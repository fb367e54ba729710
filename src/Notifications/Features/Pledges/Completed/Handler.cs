using CareForAll.BuildingBlocks.Messaging;
using CareForAll.Notifications.Directories;
using CareForAll.Notifications.Features.Campaigns;
using CareForAll.Notifications.Features.GuestLinks;
using CareForAll.Notifications.Features.Organisers;
using CareForAll.Notifications.Mail;
using CareForAll.ServiceDefaults.Api;
using CareForAll.ServiceDefaults.Auth;
using Microsoft.Extensions.Options;

namespace CareForAll.Notifications.Features.Pledges.Completed;

/// <summary>
/// A pledge was paid: the donor gets their receipt (English and Bangla; a guest's carries the signed, expiring link
/// to every donation made with their email), the organiser gets "money arrived" (waiting if the campaign or their
/// address is not known yet), and the donation is recorded for the goal-reached mail and the final report. When
/// the campaign already reached its goal before this pledge's event arrived, and the pledge completed by then, the
/// donor gets the goal-reached mail too. Runs under the campaign's lock, so it and <c>campaign.goal_reached</c>
/// never miss each other.
/// </summary>
internal sealed class Handler(
    MailQueue queue,
    OrganiserMails organisers,
    DonorGoalMails goalMails,
    GuestAccessTokens guestTokens,
    IOptions<NotificationsOptions> options,
    TimeProvider clock,
    ILogger<Handler> logger) : CareForAll.BuildingBlocks.Messaging.IEventHandler<PledgeEventData>
{
    public const string EventType = "pledge.completed";

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
        var completedAt = data.OccurredAt ?? envelope.OccurredAt;
        var now = clock.GetUtcNow();
        var origin = MailOrigin.Of(envelope);
        var donorKey = Donations.DonorKey(data.UserId, email);

        await CampaignLock.TakeAsync(connection, transaction, data.CampaignId, cancellationToken);
        var counts = await Donations.RecordAsync(connection, transaction, new DonationRecord(
            pledgeId, data.CampaignId, donorKey, data.UserId, email, data.GreetingName, data.Amount, data.CurrencyOrDefault,
            Counted: true, completedAt, envelope.AggregateVersion), now, cancellationToken);
        var guest = data.UserId is null;
        if (guest)
        {
            await GuestDonors.RememberAsync(connection, transaction, email, now, cancellationToken);
        }

        var campaign = await CampaignDirectory.FindAsync(connection, transaction, data.CampaignId, cancellationToken);
        await queue.QueueAsync(connection, transaction, Receipt(data, pledgeId, email, completedAt, campaign, guest),
            new Recipient(email, data.UserId), DedupeKeys.ForPledge(MailTemplateNames.Receipt, pledgeId), origin, cancellationToken);

        if (!counts)
        {
            // Its refund was handled first: the money is already gone, so the organiser hears nothing of it.
            logger.CompletedAfterRefund(pledgeId);
            return;
        }

        await organisers.QueueAsync(connection, transaction, new OrganiserIntent(
            MailTemplateNames.MoneyArrived,
            DedupeKeys.ForPledge(MailTemplateNames.MoneyArrived, pledgeId),
            data.CampaignId,
            OrganizerId: null,
            envelope.EventId,
            envelope.EventType,
            OrganiserMails.Facts(new MoneyArrivedFacts(pledgeId, data.Amount, data.CurrencyOrDefault, data.GreetingName, data.TranId, completedAt))),
            cancellationToken);

        if (campaign?.GoalReachedAt is { } reached && completedAt <= new DateTimeOffset(DateTime.SpecifyKind(reached, DateTimeKind.Utc)))
        {
            await goalMails.QueueAsync(connection, transaction, campaign, origin, donorKey, cancellationToken);
        }
    }

    private MailDraft Receipt(PledgeEventData data, Guid pledgeId, string email, DateTimeOffset completedAt, CampaignEntry? campaign, bool guest)
    {
        string? link = null;
        DateTimeOffset? linkExpires = null;
        if (guest)
        {
            var lifetime = options.Value.GuestHistoryLinkLifetime;
            link = GuestHistoryLink.For(options.Value, guestTokens, email, lifetime);
            linkExpires = clock.GetUtcNow().Add(lifetime);
        }

        return new MailDraft(
            MailTemplateNames.Receipt,
            MailLanguage.EnglishAndBangla,
            new ReceiptModel(data.GreetingName, data.Amount, data.CurrencyOrDefault, campaign?.Title, data.TranId, pledgeId, completedAt, link, linkExpires),
            Sensitive: guest);
    }
}
