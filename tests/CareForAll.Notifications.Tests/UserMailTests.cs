using CareForAll.Notifications.Mail;
using SendRequested = CareForAll.Notifications.Features.Messages.SendRequested;
using Verification = CareForAll.Notifications.Features.Users.SendVerification;

namespace CareForAll.Notifications.Tests;

[Collection(PostgresGroup.Name)]
public sealed class UserMailTests(PostgresServer server)
{
    private static object VerificationRequested(Guid userId, string token) => new
    {
        userId,
        email = "New.User@Example.org",
        firstName = "Nadia",
        token,
        expiresAt = DateTimeOffset.Parse("2026-11-26T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        occurredAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public async Task the_first_verification_request_is_the_welcome_and_a_resend_is_a_plain_verification_mail()
    {
        await using var h = await Harness.CreateAsync(server);
        var user = Guid.CreateVersion7();

        await h.DeliverAsync(h.VerificationHandler(), Verification.Handler.EventType, user, 1, VerificationRequested(user, "first-token_1"));
        await h.DeliverAsync(h.VerificationHandler(), Verification.Handler.EventType, user, 2, VerificationRequested(user, "second-token_2"));

        var welcome = (await h.MailsAsync(MailTemplateNames.Welcome)).ShouldHaveSingleItem();
        welcome.RecipientEmail.ShouldBe("new.user@example.org");
        welcome.UserId.ShouldBe(user);
        welcome.Sensitive.ShouldBeTrue();
        welcome.BodyText.ShouldContain("Hello Nadia,");
        welcome.BodyText.ShouldContain("https://careforall.test/verify-email#token=first-token_1");
        welcome.BodyText.ShouldContain("The link works until 26 November 2026, 4:00 PM (Bangladesh time).");
        var resend = (await h.MailsAsync(MailTemplateNames.VerifyEmail)).ShouldHaveSingleItem();
        resend.BodyText.ShouldContain("https://careforall.test/verify-email#token=second-token_2");
        resend.BodyText.ShouldNotContain("first-token_1");
        (await h.ScalarAsync<string>("SELECT email FROM notifications.users WHERE id = @user", new { user })).ShouldBe("new.user@example.org");
    }

    [Fact]
    public async Task a_send_email_event_is_sent_escaped_and_a_malformed_one_is_dropped()
    {
        await using var h = await Harness.CreateAsync(server);
        var user = Guid.CreateVersion7();

        await h.DeliverAsync(h.SendEmailHandler(), SendRequested.Handler.EventType, Guid.CreateVersion7(), 1,
            new { to = "Someone@Example.org", userId = user, subject = "Your <campaign>", text = "Line <b>one</b>\n\nLine two", occurredAt = DateTimeOffset.UnixEpoch });
        await h.DeliverAsync(h.SendEmailHandler(), SendRequested.Handler.EventType, Guid.CreateVersion7(), 1,
            new { to = "not-an-address", subject = "x", text = "y", occurredAt = DateTimeOffset.UnixEpoch });
        await h.DeliverAsync(h.SendEmailHandler(), SendRequested.Handler.EventType, Guid.CreateVersion7(), 1,
            new { to = "ok@example.org", subject = "", text = "y", occurredAt = DateTimeOffset.UnixEpoch });

        var mail = (await h.MailsAsync()).ShouldHaveSingleItem();
        mail.Template.ShouldBe(MailTemplateNames.Message);
        mail.RecipientEmail.ShouldBe("someone@example.org");
        mail.UserId.ShouldBe(user);
        mail.Subject.ShouldBe("Your <campaign>");
        mail.BodyHtml.ShouldContain("Line &lt;b&gt;one&lt;/b&gt;");
        mail.BodyHtml.ShouldNotContain("<b>one</b>");
    }
}
