using CareForAll.Notifications.Mail;
using Refunded = CareForAll.Notifications.Features.Pledges.Refunded;

namespace CareForAll.Notifications.Tests;

[Collection(PostgresGroup.Name)]
public sealed class CampaignMailTests(PostgresServer server)
{
    private static readonly DateTimeOffset ReachedAt = DateTimeOffset.Parse("2026-11-25T09:30:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private readonly Guid _campaign = Guid.CreateVersion7();
    private readonly Guid _organizer = Guid.CreateVersion7();

    private async Task<Harness> WithKnownCampaignAsync()
    {
        var h = await Harness.CreateAsync(server);
        await h.DeliverUserAsync(_organizer, "organiser@example.org", "Karim");
        await h.DeliverCampaignAsync("campaign.activated", _campaign, 2, Events.Campaign(_campaign, _organizer));
        return h;
    }

    private Task<Guid> CompleteAsync(Harness h, Guid? userId, string email, string? name = "Donor", decimal amount = 1000m, DateTimeOffset? at = null)
    {
        var pledge = Guid.CreateVersion7();
        return h.DeliverCompletedAsync(
            Events.Pledge(pledge, _campaign, "completed", "payment_initiated", userId, email, name, amount: amount, at: at ?? ReachedAt.AddMinutes(-10)),
            pledge);
    }

    private Task GoalReachedAsync(Harness h, long version = 7) =>
        h.DeliverCampaignAsync("campaign.goal_reached", _campaign, version,
            Events.Campaign(_campaign, _organizer, goal: 3000m, current: 3500m, goalReachedAt: ReachedAt));

    [Fact]
    public async Task goal_reached_mails_each_distinct_donor_once_and_the_organiser()
    {
        await using var h = await WithKnownCampaignAsync();
        var alice = Guid.CreateVersion7();
        await CompleteAsync(h, alice, "alice@example.org", "Alice");
        await CompleteAsync(h, alice, "alice@example.org", "Alice");
        await CompleteAsync(h, null, "Guest@Example.org", "Guest");
        await CompleteAsync(h, null, "guest@example.org", "Guest");
        // Refunded before the goal: no longer a donor.
        var refunded = Guid.CreateVersion7();
        await h.DeliverCompletedAsync(Events.Pledge(refunded, _campaign, "completed", "payment_initiated", email: "gone@example.org", at: ReachedAt.AddHours(-1)), refunded);
        await h.DeliverAsync(h.RefundedHandler(), Refunded.Handler.EventType, refunded, 4,
            Events.Pledge(refunded, _campaign, "refunded", "completed", email: "gone@example.org"));

        await GoalReachedAsync(h);
        // Redelivered as another event, and a later campaign.updated that also says the goal was reached.
        await GoalReachedAsync(h);
        await h.DeliverCampaignAsync("campaign.updated", _campaign, 8,
            Events.Campaign(_campaign, _organizer, goal: 3000m, current: 4500m, goalReachedAt: ReachedAt));

        var donors = await h.MailsAsync(MailTemplateNames.GoalReachedDonor);
        donors.Select(m => m.RecipientEmail).Order().ShouldBe(["alice@example.org", "guest@example.org"]);
        donors.Single(m => m.RecipientEmail == "alice@example.org").UserId.ShouldBe(alice);
        donors.ShouldAllBe(m => m.Languages == "en,bn");
        donors[0].BodyText.ShouldContain("has reached its goal of BDT 3,000.00");
        var organiser = (await h.MailsAsync(MailTemplateNames.GoalReachedOrganiser)).ShouldHaveSingleItem();
        organiser.RecipientEmail.ShouldBe("organiser@example.org");
        organiser.BodyText.ShouldContain("Raised so far: BDT 3,500.00 from 2 donor(s).");
    }

    [Fact]
    public async Task a_donor_whose_completion_arrives_after_the_goal_event_still_gets_it_but_one_who_gave_later_does_not()
    {
        await using var h = await WithKnownCampaignAsync();
        await CompleteAsync(h, null, "early@example.org");
        await GoalReachedAsync(h);

        // Completed before the goal was reached, but its event came late.
        await CompleteAsync(h, null, "late-event@example.org", at: ReachedAt.AddMinutes(-1));
        // Gave after the goal was reached: a receipt, no celebration.
        await CompleteAsync(h, null, "after@example.org", at: ReachedAt.AddMinutes(5));

        (await h.MailsAsync(MailTemplateNames.GoalReachedDonor)).Select(m => m.RecipientEmail).Order()
            .ShouldBe(["early@example.org", "late-event@example.org"]);
        (await h.MailsAsync(MailTemplateNames.Receipt)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task a_completion_and_the_goal_handled_at_the_same_moment_do_not_miss_each_other()
    {
        await using var h = await WithKnownCampaignAsync();
        // The completion is handled but not yet committed when the goal event comes in on another consumer.
        var pledge = Guid.CreateVersion7();
        var (connection, transaction) = await h.HandleUncommittedAsync(h.CompletedHandler(), "pledge.completed", pledge, 3,
            Events.Pledge(pledge, _campaign, "completed", "payment_initiated", email: "racer@example.org", at: ReachedAt.AddMinutes(-1)));
        await using var _ = connection;
        var goal = Task.Run(() => GoalReachedAsync(h));

        await Eventually.UntilAsync(
            async () => await h.ScalarAsync<long>(Harness.WaitingForAdvisoryLock) > 0,
            TimeSpan.FromSeconds(10), "the goal handler did not wait for the completion's transaction");
        goal.IsCompleted.ShouldBeFalse();
        await transaction.CommitAsync();
        await goal;

        (await h.MailsAsync(MailTemplateNames.GoalReachedDonor)).ShouldHaveSingleItem().RecipientEmail.ShouldBe("racer@example.org");
    }

    [Fact]
    public async Task an_expired_campaign_reports_raised_against_goal_donors_and_donations_to_its_organiser()
    {
        await using var h = await WithKnownCampaignAsync();
        var bob = Guid.CreateVersion7();
        await CompleteAsync(h, bob, "bob@example.org");
        await CompleteAsync(h, bob, "bob@example.org");
        await CompleteAsync(h, null, "guest@example.org");

        await h.DeliverCampaignAsync("campaign.expired", _campaign, 9,
            Events.Campaign(_campaign, _organizer, status: "expired", goal: 10_000m, current: 3000m));
        await h.DeliverCampaignAsync("campaign.expired", _campaign, 9,
            Events.Campaign(_campaign, _organizer, status: "expired", goal: 10_000m, current: 3000m));

        var report = (await h.MailsAsync(MailTemplateNames.FinalReport)).ShouldHaveSingleItem();
        report.RecipientEmail.ShouldBe("organiser@example.org");
        report.Subject.ShouldBe("Final report: Heart surgery for Rahim");
        report.BodyText.ShouldContain("has ended without reaching its goal");
        report.BodyText.ShouldContain("Raised: BDT 3,000.00");
        report.BodyText.ShouldContain("Goal: BDT 10,000.00 (30% reached)");
        report.BodyText.ShouldContain("Donors: 2");
        report.BodyText.ShouldContain("Donations: 3");
    }

    [Fact]
    public async Task an_older_campaign_event_never_brings_back_an_older_title()
    {
        await using var h = await WithKnownCampaignAsync();
        await h.DeliverCampaignAsync("campaign.updated", _campaign, 6, Events.Campaign(_campaign, _organizer, title: "New title"));
        await h.DeliverCampaignAsync("campaign.updated", _campaign, 4, Events.Campaign(_campaign, _organizer, title: "Old title"));

        (await h.ScalarAsync<string>("SELECT title FROM notifications.campaigns WHERE id = @id", new { id = _campaign })).ShouldBe("New title");
        (await h.ScalarAsync<long>("SELECT version FROM notifications.campaigns WHERE id = @id", new { id = _campaign })).ShouldBe(6);
    }

    [Fact]
    public async Task the_final_report_waits_for_an_organiser_not_known_yet()
    {
        await using var h = await Harness.CreateAsync(server);
        await h.DeliverCampaignAsync("campaign.completed", _campaign, 9,
            Events.Campaign(_campaign, _organizer, status: "completed", goal: 1000m, current: 1200m));
        (await h.MailsAsync(MailTemplateNames.FinalReport)).ShouldBeEmpty();

        await h.DeliverUserAsync(_organizer, "late.organiser@example.org", "Nadia");

        var report = (await h.MailsAsync(MailTemplateNames.FinalReport)).ShouldHaveSingleItem();
        report.RecipientEmail.ShouldBe("late.organiser@example.org");
        report.BodyText.ShouldContain("Hello Nadia,");
        report.BodyText.ShouldContain("is complete");
        report.BodyText.ShouldContain("(120% reached)");
    }
}
