using CareForAll.Notifications.Directories;
using CareForAll.Notifications.Mail;

namespace CareForAll.Notifications.Features.Campaigns;

/// <summary>
/// "The campaign you supported reached its goal", once to each distinct donor (a user, or a guest's email) whose
/// donation completed by the time the goal was reached and still counts. The dedupe key is the campaign and the
/// donor, so the campaign's event and a late pledge event asking for the same mail write it once.
/// </summary>
internal sealed class DonorGoalMails(MailQueue queue)
{
    /// <summary>Writes the mail for the campaign's donors (only <paramref name="donorKey"/> when given); returns how many were new.</summary>
    public async Task<int> QueueAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CampaignEntry campaign, MailOrigin origin, string? donorKey, CancellationToken ct)
    {
        if (campaign.GoalReachedAt is not { } reached)
        {
            return 0;
        }

        var donors = await Donations.DonorsUntilAsync(connection, transaction, campaign.Id,
            new DateTimeOffset(DateTime.SpecifyKind(reached, DateTimeKind.Utc)), donorKey, ct);
        var written = 0;
        foreach (var donor in donors)
        {
            var model = new GoalReachedDonorModel(donor.DonorName, campaign.Title, campaign.GoalAmount, campaign.Currency);
            if (await queue.QueueAsync(connection, transaction,
                    new MailDraft(MailTemplateNames.GoalReachedDonor, MailLanguage.EnglishAndBangla, model),
                    new Recipient(donor.DonorEmail, donor.UserId),
                    DedupeKeys.GoalReachedDonor(campaign.Id, donor.DonorKey),
                    origin,
                    ct) is not null)
            {
                written++;
            }
        }

        return written;
    }
}
