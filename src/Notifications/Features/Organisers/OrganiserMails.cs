using System.Text.Json;
using CareForAll.BuildingBlocks.Messaging;
using CareForAll.Notifications.Directories;
using CareForAll.Notifications.Mail;

namespace CareForAll.Notifications.Features.Organisers;

/// <summary>
/// Mail to a campaign's organiser ("money arrived", goal reached, final report). A campaign names its organiser by
/// id only, and the organiser's address comes from <c>user.registered</c>; either may not be known here yet when
/// the event arrives (events come in any order). Such a mail is kept in <c>waiting_mails</c> and written for the
/// sender by the campaign or user event that makes it addressable, so it is late but never lost.
/// Locks, always in this order so handlers never deadlock: the campaign's (taken by the caller when the campaign
/// matters), then the users' (taken here before reading an address, and by the user handlers before filling one),
/// then the waiting rows. A mail parked by one transaction is therefore seen by the one that fills its gap.
/// </summary>
internal sealed class OrganiserMails(MailQueue queue, TimeProvider clock, ILogger<OrganiserMails> logger)
{
    /// <summary>Writes the mail now if its campaign and organiser are known; otherwise keeps it waiting. True when written.</summary>
    public async Task<bool> QueueAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, OrganiserIntent intent, CancellationToken ct)
    {
        var campaign = await CampaignDirectory.FindAsync(connection, transaction, intent.CampaignId, ct);
        if (campaign is null)
        {
            await Data.WaitAsync(connection, transaction, intent, clock.GetUtcNow(), ct);
            logger.OrganiserMailWaiting(intent.Template, intent.CampaignId, "the campaign");
            return false;
        }

        var organizerId = campaign.OrganizerId;
        await UserLock.TakeAsync(connection, transaction, organizerId, ct);
        var organiser = await UserDirectory.FindAsync(connection, transaction, organizerId, ct);
        if (organiser is null)
        {
            await Data.WaitAsync(connection, transaction, intent with { OrganizerId = organizerId }, clock.GetUtcNow(), ct);
            logger.OrganiserMailWaiting(intent.Template, intent.CampaignId, "the organiser's address");
            return false;
        }

        var draft = await ComposeAsync(connection, transaction, intent, campaign, organiser, ct);
        await queue.QueueAsync(connection, transaction, draft, new Recipient(organiser.Email, organiser.Id), intent.DedupeKey,
            new MailOrigin(intent.EventId, intent.EventType), ct);
        await Data.ForgetAsync(connection, transaction, intent.DedupeKey, ct);
        return true;
    }

    /// <summary>
    /// Writes the mail that waited for <paramref name="campaignId"/> to become known (the caller holds its lock), and
    /// takes the lock of its <paramref name="organizerId"/> and of every user a waiting mail names, before the rows'.
    /// </summary>
    public async Task ReleaseForCampaignAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid campaignId, Guid organizerId, CancellationToken ct)
    {
        var users = (await Data.UsersWaitedForAsync(connection, transaction, campaignId, ct)).Append(organizerId).Distinct().Order();
        foreach (var userId in users)
        {
            await UserLock.TakeAsync(connection, transaction, userId, ct);
        }

        foreach (var intent in await Data.WaitingForCampaignAsync(connection, transaction, campaignId, ct))
        {
            if (await QueueAsync(connection, transaction, intent, ct))
            {
                logger.OrganiserMailReleased(intent.Template, intent.CampaignId);
            }
        }
    }

    /// <summary>Writes the mail that waited for <paramref name="userId"/>'s address (the caller holds the user's lock).</summary>
    public async Task ReleaseForUserAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid userId, CancellationToken ct)
    {
        foreach (var intent in await Data.WaitingForUserAsync(connection, transaction, userId, ct))
        {
            if (await QueueAsync(connection, transaction, intent, ct))
            {
                logger.OrganiserMailReleased(intent.Template, intent.CampaignId);
            }
        }
    }

    /// <summary>The facts of an intent, as stored.</summary>
    public static JsonElement Facts<T>(T facts) => JsonSerializer.SerializeToElement(facts, MessagingJson.Options);

    private static async Task<MailDraft> ComposeAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, OrganiserIntent intent, CampaignEntry campaign, UserEntry organiser,
        CancellationToken ct)
    {
        var name = organiser.FirstName ?? organiser.DisplayName;
        object model;
        switch (intent.Template)
        {
            case MailTemplateNames.MoneyArrived:
                var money = Read<MoneyArrivedFacts>(intent);
                model = new MoneyArrivedModel(name, campaign.Title, money.Amount, money.Currency, money.DonorName, money.TranId, money.CompletedAt);
                break;

            case MailTemplateNames.GoalReachedOrganiser:
                var goal = Read<GoalReachedFacts>(intent);
                var (donors, _) = await Donations.TotalsAsync(connection, transaction, campaign.Id, ct);
                model = new GoalReachedOrganiserModel(name, campaign.Title, campaign.GoalAmount, campaign.CurrentAmount, campaign.Currency, donors,
                    goal.ReachedAt);
                break;

            case MailTemplateNames.FinalReport:
                var report = Read<FinalReportFacts>(intent);
                var (reportDonors, donations) = await Donations.TotalsAsync(connection, transaction, campaign.Id, ct);
                model = new FinalReportModel(name, campaign.Title, report.Completed, campaign.GoalAmount, campaign.CurrentAmount, campaign.Currency,
                    reportDonors, donations, Percent(campaign.CurrentAmount, campaign.GoalAmount));
                break;

            default:
                throw new InvalidOperationException($"'{intent.Template}' is not an organiser mail.");
        }

        return new MailDraft(intent.Template, MailLanguage.EnglishOnly, model);
    }

    /// <summary>Whole percent of the goal raised, rounded down (99.9% is not "100% reached").</summary>
    internal static long Percent(decimal raised, decimal goal) =>
        goal <= 0 ? 0 : (long)decimal.Floor(raised * 100m / goal);

    private static T Read<T>(OrganiserIntent intent) =>
        intent.Facts.Deserialize<T>(MessagingJson.Options)
            ?? throw new InvalidOperationException($"Waiting mail {intent.DedupeKey} has no facts.");
}
