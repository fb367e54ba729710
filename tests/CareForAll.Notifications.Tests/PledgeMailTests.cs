using System.Text.RegularExpressions;
using CareForAll.Notifications.Mail;
using Completed = CareForAll.Notifications.Features.Pledges.Completed;
using Created = CareForAll.Notifications.Features.Pledges.Created;
using Refunded = CareForAll.Notifications.Features.Pledges.Refunded;

namespace CareForAll.Notifications.Tests;

[Collection(PostgresGroup.Name)]
public sealed class PledgeMailTests(PostgresServer server)
{
    private readonly Guid _campaign = Guid.CreateVersion7();
    private readonly Guid _organizer = Guid.CreateVersion7();

    private async Task<Harness> WithKnownCampaignAsync()
    {
        var h = await Harness.CreateAsync(server);
        await h.DeliverUserAsync(_organizer, "organiser@example.org", "Karim");
        await h.DeliverCampaignAsync("campaign.activated", _campaign, 2, Events.Campaign(_campaign, _organizer));
        return h;
    }

    [Fact]
    public async Task a_redelivered_completion_makes_one_receipt_and_one_organiser_mail()
    {
        await using var h = await WithKnownCampaignAsync();
        var pledge = Guid.CreateVersion7();
        var payload = Events.Pledge(pledge, _campaign, "completed", "payment_initiated");

        var eventId = await h.DeliverCompletedAsync(payload, pledge);
        // The same event again (had the inbox not absorbed it), and another event reporting the same completion.
        await h.DeliverCompletedAsync(payload, pledge, eventId: eventId);
        await h.DeliverCompletedAsync(payload, pledge);

        var receipts = await h.MailsAsync(MailTemplateNames.Receipt);
        receipts.Count.ShouldBe(1);
        receipts[0].RecipientEmail.ShouldBe("rahim@example.org");
        receipts[0].Status.ShouldBe("queued");
        receipts[0].Languages.ShouldBe("en,bn");
        receipts[0].BodyText.ShouldContain("Amount: BDT 1,500.00");
        receipts[0].BodyText.ShouldContain("Campaign: Heart surgery for Rahim");
        receipts[0].BodyText.ShouldContain("Transaction ID: CFA-TRAN-1");
        receipts[0].BodyText.ShouldContain("Date: 25 November 2026, 3:00 PM (Bangladesh time)");
        var organiser = (await h.MailsAsync(MailTemplateNames.MoneyArrived)).ShouldHaveSingleItem();
        organiser.RecipientEmail.ShouldBe("organiser@example.org");
        organiser.UserId.ShouldBe(_organizer);
        organiser.Languages.ShouldBe("en");
        organiser.BodyText.ShouldContain("Hello Karim,");
        organiser.BodyText.ShouldContain("From: Rahim Uddin");
        (await h.ScalarAsync<long>("SELECT count(*) FROM notifications.campaign_donations")).ShouldBe(1);
    }

    [Fact]
    public async Task a_guest_receipt_carries_a_history_link_that_opens_that_email_only()
    {
        await using var h = await WithKnownCampaignAsync();
        var pledge = Guid.CreateVersion7();

        await h.DeliverCompletedAsync(Events.Pledge(pledge, _campaign, "completed", "payment_initiated", userId: null, email: "Guest.Donor+1@Example.org"), pledge);

        var receipt = (await h.MailsAsync(MailTemplateNames.Receipt)).ShouldHaveSingleItem();
        receipt.UserId.ShouldBeNull();
        receipt.Sensitive.ShouldBeTrue();
        var link = Regex.Match(receipt.BodyText, @"https://careforall\.test/donations/guest#email=(?<email>[^&\s]+)&token=(?<token>\S+)");
        link.Success.ShouldBeTrue(receipt.BodyText);
        var email = Uri.UnescapeDataString(link.Groups["email"].Value);
        var token = Uri.UnescapeDataString(link.Groups["token"].Value);
        email.ShouldBe("guest.donor+1@example.org");
        h.Tokens.OpensDonorHistory(token, email).ShouldBeTrue();
        h.Tokens.OpensDonorHistory(token, "GUEST.DONOR+1@example.org ").ShouldBeTrue();
        h.Tokens.OpensDonorHistory(token, "someone.else@example.org").ShouldBeFalse();
        h.Tokens.OpensPledge(token, pledge).ShouldBeFalse();
        h.Tokens.OpensDonorHistory(token[..^2] + (token[^2..] == "AA" ? "BB" : "AA"), email).ShouldBeFalse();

        // The link lasts the configured 30 days, then stops opening anything.
        h.Clock.Advance(TimeSpan.FromDays(29));
        h.Tokens.OpensDonorHistory(token, email).ShouldBeTrue();
        h.Clock.Advance(TimeSpan.FromDays(2));
        h.Tokens.OpensDonorHistory(token, email).ShouldBeFalse();
        (await h.ScalarAsync<long>("SELECT count(*) FROM notifications.guest_donors WHERE email = 'guest.donor+1@example.org'")).ShouldBe(1);
    }

    [Fact]
    public async Task a_signed_in_donors_receipt_has_no_guest_link_and_shows_in_their_history()
    {
        await using var h = await WithKnownCampaignAsync();
        var donor = Guid.CreateVersion7();
        var pledge = Guid.CreateVersion7();

        await h.DeliverCompletedAsync(Events.Pledge(pledge, _campaign, "completed", "payment_initiated", userId: donor), pledge);

        var receipt = (await h.MailsAsync(MailTemplateNames.Receipt)).ShouldHaveSingleItem();
        receipt.UserId.ShouldBe(donor);
        receipt.Sensitive.ShouldBeFalse();
        receipt.BodyText.ShouldNotContain("/donations/guest");
        (await h.ScalarAsync<long>("SELECT count(*) FROM notifications.guest_donors")).ShouldBe(0);
    }

    [Fact]
    public async Task an_anonymous_donor_is_not_named_to_the_organiser()
    {
        await using var h = await WithKnownCampaignAsync();
        var pledge = Guid.CreateVersion7();

        await h.DeliverCompletedAsync(Events.Pledge(pledge, _campaign, "completed", "payment_initiated", anonymous: true), pledge);

        var organiser = (await h.MailsAsync(MailTemplateNames.MoneyArrived)).ShouldHaveSingleItem();
        organiser.BodyText.ShouldContain("From: an anonymous donor");
        organiser.BodyText.ShouldNotContain("Rahim Uddin");
        (await h.MailsAsync(MailTemplateNames.Receipt)).ShouldHaveSingleItem().BodyText.ShouldContain("Dear donor,");
    }

    [Fact]
    public async Task a_refund_is_mailed_only_when_the_pledge_had_completed()
    {
        await using var h = await WithKnownCampaignAsync();
        var paid = Guid.CreateVersion7();
        var heldThenRejected = Guid.CreateVersion7();
        await h.DeliverCompletedAsync(Events.Pledge(paid, _campaign, "completed", "payment_initiated", email: "paid@example.org"), paid);

        await h.DeliverAsync(h.RefundedHandler(), Refunded.Handler.EventType, paid, 4,
            Events.Pledge(paid, _campaign, "refunded", "completed", email: "paid@example.org"));
        await h.DeliverAsync(h.RefundedHandler(), Refunded.Handler.EventType, heldThenRejected, 3,
            Events.Pledge(heldThenRejected, _campaign, "refunded", "payment_initiated", email: "held@example.org"));

        var refund = (await h.MailsAsync(MailTemplateNames.Refund)).ShouldHaveSingleItem();
        refund.RecipientEmail.ShouldBe("paid@example.org");
        refund.BodyText.ShouldContain("Your donation of BDT 1,500.00 to \"Heart surgery for Rahim\" has been refunded.");
        refund.BodyText.ShouldContain("৳১,৫০০.০০ দানের অর্থ ফেরত দেওয়া হয়েছে");
        (await h.ScalarAsync<long>("SELECT count(*) FROM notifications.campaign_donations WHERE counted")).ShouldBe(0);
    }

    [Fact]
    public async Task a_refund_arriving_before_its_completion_leaves_the_donation_uncounted_and_the_organiser_unbothered()
    {
        await using var h = await WithKnownCampaignAsync();
        var pledge = Guid.CreateVersion7();

        await h.DeliverAsync(h.RefundedHandler(), Refunded.Handler.EventType, pledge, 4, Events.Pledge(pledge, _campaign, "refunded", "completed"));
        await h.DeliverCompletedAsync(Events.Pledge(pledge, _campaign, "completed", "payment_initiated"), pledge, version: 3);

        (await h.ScalarAsync<bool>("SELECT counted FROM notifications.campaign_donations WHERE pledge_id = @pledge", new { pledge })).ShouldBeFalse();
        (await h.ScalarAsync<DateTime>("SELECT completed_at FROM notifications.campaign_donations WHERE pledge_id = @pledge", new { pledge }))
            .ShouldBe(new DateTime(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc));
        (await h.MailsAsync(MailTemplateNames.MoneyArrived)).ShouldBeEmpty();
        (await h.MailsAsync(MailTemplateNames.Refund)).Count.ShouldBe(1);
        (await h.MailsAsync(MailTemplateNames.Receipt)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task a_pledge_received_mail_goes_to_the_donor_and_names_a_campaign_not_known_yet_generically()
    {
        await using var h = await Harness.CreateAsync(server);
        var pledge = Guid.CreateVersion7();

        await h.DeliverAsync(h.CreatedHandler(), Created.Handler.EventType, pledge, 1,
            Events.Pledge(pledge, Guid.CreateVersion7(), "pending", email: "Donor@Example.org", name: "<img src=x onerror=alert(1)>"));

        var mail = (await h.MailsAsync(MailTemplateNames.PledgeReceived)).ShouldHaveSingleItem();
        mail.RecipientEmail.ShouldBe("donor@example.org");
        mail.BodyText.ShouldContain("Thank you for your pledge of BDT 1,500.00 to a campaign on CareForAll.");
        mail.BodyHtml.ShouldNotContain("<img");
        mail.BodyHtml.ShouldContain("&lt;img");
        mail.Subject.ShouldBe("We received your pledge | আপনার দানের অঙ্গীকার আমরা পেয়েছি");
    }

    [Fact]
    public async Task an_organiser_registering_while_their_money_arrived_mail_is_being_parked_still_gets_it()
    {
        await using var h = await Harness.CreateAsync(server);
        await h.DeliverCampaignAsync("campaign.activated", _campaign, 2, Events.Campaign(_campaign, _organizer));
        var pledge = Guid.CreateVersion7();

        // The completion finds no address and parks the mail, but has not committed when the user event comes in.
        var (connection, transaction) = await h.HandleUncommittedAsync(h.CompletedHandler(), Completed.Handler.EventType, pledge, 3,
            Events.Pledge(pledge, _campaign, "completed", "payment_initiated"));
        await using var _ = connection;
        var registered = Task.Run(() => h.DeliverUserAsync(_organizer, "organiser@example.org"));
        await Eventually.UntilAsync(async () => await h.ScalarAsync<long>(Harness.WaitingForAdvisoryLock) > 0, TimeSpan.FromSeconds(10),
            "the user event did not wait for the completion's transaction");
        await transaction.CommitAsync();
        await registered;

        (await h.MailsAsync(MailTemplateNames.MoneyArrived)).ShouldHaveSingleItem().RecipientEmail.ShouldBe("organiser@example.org");
        (await h.ScalarAsync<long>("SELECT count(*) FROM notifications.waiting_mails")).ShouldBe(0);
    }

    [Fact]
    public async Task money_arrived_waits_for_an_unknown_campaign_and_organiser_and_goes_once_both_are_known()
    {
        await using var h = await Harness.CreateAsync(server);
        var pledge = Guid.CreateVersion7();

        await h.DeliverCompletedAsync(Events.Pledge(pledge, _campaign, "completed", "payment_initiated"), pledge);
        (await h.MailsAsync(MailTemplateNames.MoneyArrived)).ShouldBeEmpty();
        (await h.MailsAsync(MailTemplateNames.Receipt)).ShouldHaveSingleItem().BodyText.ShouldContain("Campaign: a campaign on CareForAll");

        await h.DeliverCampaignAsync("campaign.updated", _campaign, 5, Events.Campaign(_campaign, _organizer, title: "School roof"));
        (await h.MailsAsync(MailTemplateNames.MoneyArrived)).ShouldBeEmpty();
        (await h.ScalarAsync<Guid>("SELECT recipient_user_id FROM notifications.waiting_mails")).ShouldBe(_organizer);

        await h.DeliverUserAsync(_organizer, "Organiser@Example.org", "Karim");
        var mail = (await h.MailsAsync(MailTemplateNames.MoneyArrived)).ShouldHaveSingleItem();
        mail.RecipientEmail.ShouldBe("organiser@example.org");
        mail.UserId.ShouldBe(_organizer);
        mail.Subject.ShouldBe("New donation to School roof: BDT 1,500.00");
        mail.EventType.ShouldBe(Completed.Handler.EventType);
        (await h.ScalarAsync<long>("SELECT count(*) FROM notifications.waiting_mails")).ShouldBe(0);

        // The user's details again (a verification request) write nothing more.
        await h.DeliverUserAsync(_organizer, "organiser@example.org", "Karim");
        (await h.MailsAsync(MailTemplateNames.MoneyArrived)).Count.ShouldBe(1);
    }
}
