using CareForAll.BuildingBlocks.Messaging;
using CareForAll.Notifications.Directories;
using CareForAll.Notifications.Features.Organisers;
using CareForAll.Notifications.Mail;

namespace CareForAll.Notifications.Features.Campaigns.TrackCampaign;

/// <summary>
/// Every campaign event keeps the campaign directory (newer versions only) and writes the organiser mail that was
/// waiting for this campaign. <c>campaign.goal_reached</c> also mails the organiser and each distinct donor;
/// <c>campaign.completed</c> and <c>campaign.expired</c> mail the organiser the final report. Runs under the
/// campaign's lock (see <see cref="Pledges.Completed.Handler"/>).
/// </summary>
internal sealed class Handler(OrganiserMails organisers, DonorGoalMails donorMails, TimeProvider clock, ILogger<Handler> logger)
    : CareForAll.BuildingBlocks.Messaging.IEventHandler<CampaignEventData>
{
    public const string GoalReached = "campaign.goal_reached";
    public const string Completed = "campaign.completed";
    public const string Expired = "campaign.expired";

    /// <summary>The campaign events the <c>notifications</c> queue is bound to.</summary>
    public static readonly IReadOnlyList<string> EventTypes =
    [
        "campaign.created",
        "campaign.updated",
        "campaign.activated",
        GoalReached,
        Completed,
        Expired,
        "campaign.cancelled",
    ];

    public async Task HandleAsync(EventContext<CampaignEventData> context, CancellationToken cancellationToken)
    {
        var (envelope, data, connection, transaction) = context;
        var campaignId = data.CampaignId != Guid.Empty ? data.CampaignId : envelope.AggregateId;
        if (string.IsNullOrWhiteSpace(data.Title) || data.OrganizerId == Guid.Empty || string.IsNullOrWhiteSpace(data.Status))
        {
            logger.CampaignEventIncomplete(envelope.EventId, envelope.EventType, "title, organizerId or status");
            return;
        }

        var reachedAt = data.GoalReachedAt ?? (envelope.EventType == GoalReached ? envelope.OccurredAt : null);
        await CampaignLock.TakeAsync(connection, transaction, campaignId, cancellationToken);
        await CampaignDirectory.ApplyAsync(connection, transaction, new CampaignEntry
        {
            Id = campaignId,
            Title = data.Title.Trim(),
            OrganizerId = data.OrganizerId,
            Status = data.Status.Trim().ToLowerInvariant(),
            GoalAmount = data.GoalAmount,
            CurrentAmount = data.CurrentAmount,
            Currency = string.IsNullOrWhiteSpace(data.Currency) ? "BDT" : data.Currency.Trim().ToUpperInvariant(),
            GoalReachedAt = reachedAt?.UtcDateTime,
            Version = envelope.AggregateVersion,
        }, clock.GetUtcNow(), cancellationToken);
        await organisers.ReleaseForCampaignAsync(connection, transaction, campaignId, data.OrganizerId, cancellationToken);

        switch (envelope.EventType)
        {
            case GoalReached:
                var campaign = await CampaignDirectory.FindAsync(connection, transaction, campaignId, cancellationToken);
                await donorMails.QueueAsync(connection, transaction, campaign!, MailOrigin.Of(envelope), donorKey: null, cancellationToken);
                await organisers.QueueAsync(connection, transaction, new OrganiserIntent(
                    MailTemplateNames.GoalReachedOrganiser, DedupeKeys.ForCampaign(MailTemplateNames.GoalReachedOrganiser, campaignId), campaignId,
                    data.OrganizerId, envelope.EventId, envelope.EventType, OrganiserMails.Facts(new GoalReachedFacts(reachedAt!.Value))),
                    cancellationToken);
                break;

            case Completed or Expired:
                await organisers.QueueAsync(connection, transaction, new OrganiserIntent(
                    MailTemplateNames.FinalReport, DedupeKeys.ForCampaign(MailTemplateNames.FinalReport, campaignId), campaignId,
                    data.OrganizerId, envelope.EventId, envelope.EventType, OrganiserMails.Facts(new FinalReportFacts(envelope.EventType == Completed))),
                    cancellationToken);
                break;
        }
    }
}
