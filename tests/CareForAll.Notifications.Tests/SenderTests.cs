using CareForAll.Notifications.Features.GuestLinks.Decide;
using CareForAll.Notifications.Mail;
using CareForAll.Notifications.Mail.Sending;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareForAll.Notifications.Tests;

[Collection(PostgresGroup.Name)]
public sealed class SenderTests(PostgresServer server)
{
    private static MailSender Sender(Harness h, string smtpConnectionString, TimeProvider? clock = null)
    {
        var time = clock ?? h.Clock;
        var senderOptions = Options.Create(h.SenderSettings);
        return new MailSender(
            new SendStore(h.Database),
            new SmtpMailTransport(SmtpSettings.Parse(smtpConnectionString), senderOptions),
            new GuestLinkRequests(h.Database, h.Queue, h.Tokens, h.Options, senderOptions, time, NullLogger<GuestLinkRequests>.Instance),
            Harness.Metrics,
            senderOptions,
            h.Options,
            time,
            h.Database,
            NullLogger<MailSender>.Instance);
    }

    private static async Task<Guid> QueueAsync(Harness h, string to, string subject = "Hello", string text = "Body")
    {
        await using var connection = await h.Database.OpenConnectionAsync();
        return (await h.Queue.QueueAsync(connection, null,
            new MailDraft(MailTemplateNames.Message, MailLanguage.EnglishOnly, MessageModel.From(subject, text)),
            new Recipient(to, null), $"test:{Guid.NewGuid():N}", MailOrigin.Request, CancellationToken.None))!.Value;
    }

    [Fact]
    public async Task a_queued_mail_is_sent_once_with_a_message_id_from_its_notification_id_and_marked_sent()
    {
        await using var h = await Harness.CreateAsync(server);
        await using var smtp = FakeSmtpServer.Start();
        var id = await QueueAsync(h, "donor@example.org", "তোমার রসিদ / Your receipt", "Amount ৳১,৫০০.০০");
        var sender = Sender(h, smtp.ConnectionString);

        var round = await sender.SendRoundAsync(CancellationToken.None);
        var again = await sender.SendRoundAsync(CancellationToken.None);

        round.ShouldBe(new SendRound(1, Unavailable: false));
        again.Claimed.ShouldBe(0);
        var message = smtp.Received.ShouldHaveSingleItem();
        message.MessageId.ShouldBe($"{id:N}@careforall.org");
        message.To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("donor@example.org");
        message.From.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("no-reply@careforall.org");
        message.Subject.ShouldBe("তোমার রসিদ / Your receipt");
        message.TextBody!.ShouldContain("Amount ৳১,৫০০.০০");
        message.HtmlBody!.ShouldContain("Amount ৳১,৫০০.০০");
        message.Headers[MimeMessages.TemplateHeader].ShouldBe(MailTemplateNames.Message);
        message.Headers["Auto-Submitted"].ShouldBe("auto-generated");
        var stored = (await h.MailsAsync()).ShouldHaveSingleItem();
        stored.Status.ShouldBe("sent");
        stored.Attempts.ShouldBe(1);
        stored.SentAt.ShouldBe(h.Clock.Now.UtcDateTime);
    }

    [Fact]
    public async Task while_smtp_is_down_mail_waits_queued_and_goes_once_it_is_back()
    {
        // Real time here: the sender runs on its own and waits real backoffs.
        await using var h = await Harness.CreateAsync(server, new FixedClock(DateTimeOffset.UtcNow));
        var port = FakeSmtpServer.ReservePort();
        await QueueAsync(h, "first@example.org");
        var sender = Sender(h, $"Endpoint=smtp://127.0.0.1:{port}", TimeProvider.System);

        await sender.StartAsync(CancellationToken.None);
        try
        {
            await Eventually.UntilAsync(async () => (await h.MailsAsync()).Single().Attempts >= 2, TimeSpan.FromSeconds(20),
                "the sender never retried while SMTP was down", TimeSpan.FromMilliseconds(50));
            var waiting = (await h.MailsAsync()).Single();
            waiting.Status.ShouldBe("queued");
            waiting.LastError.ShouldNotBeNull();
            sender.ExecuteTask.ShouldNotBeNull().IsCompleted.ShouldBeFalse();
            // Mail written during the outage waits too; the service keeps taking it.
            await QueueAsync(h, "second@example.org");

            await using var smtp = FakeSmtpServer.Start(port);
            await Eventually.UntilAsync(async () => (await h.MailsAsync()).All(m => m.Status == "sent"), TimeSpan.FromSeconds(20),
                "queued mail was not sent after SMTP came back", TimeSpan.FromMilliseconds(50));

            smtp.Received.Select(m => m.To.Mailboxes.Single().Address).Order().ShouldBe(["first@example.org", "second@example.org"]);
            (await h.MailsAsync()).ShouldAllBe(m => m.LastError == null);
        }
        finally
        {
            await sender.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task a_recipient_refused_for_good_fails_and_a_temporary_refusal_is_retried_later()
    {
        await using var h = await Harness.CreateAsync(server);
        await using var smtp = FakeSmtpServer.Start();
        smtp.RecipientReply = address => address switch
        {
            "nobody@example.org" => "550 5.1.1 no such mailbox",
            "busy@example.org" => "450 4.2.1 mailbox busy, try later",
            _ => null,
        };
        var gone = await QueueAsync(h, "nobody@example.org");
        var busy = await QueueAsync(h, "busy@example.org");
        var fine = await QueueAsync(h, "fine@example.org");
        var sender = Sender(h, smtp.ConnectionString);

        await sender.SendRoundAsync(CancellationToken.None);

        var mails = (await h.MailsAsync()).ToDictionary(m => m.Id);
        mails[gone].Status.ShouldBe("failed");
        mails[gone].LastError!.ShouldContain("550");
        mails[busy].Status.ShouldBe("queued");
        mails[busy].LastError!.ShouldContain("450");
        mails[fine].Status.ShouldBe("sent");
        smtp.Received.ShouldHaveSingleItem().To.Mailboxes.Single().Address.ShouldBe("fine@example.org");
        (await h.ScalarAsync<DateTime>("SELECT next_attempt_at FROM notifications.notifications WHERE id = @busy", new { busy }))
            .ShouldBe((h.Clock.Now + h.SenderSettings.InitialBackoff).UtcDateTime);

        // Not due yet: nothing happens. Once due, it goes.
        (await sender.SendRoundAsync(CancellationToken.None)).Claimed.ShouldBe(0);
        smtp.RecipientReply = _ => null;
        h.Clock.Advance(h.SenderSettings.InitialBackoff);
        (await sender.SendRoundAsync(CancellationToken.None)).Claimed.ShouldBe(1);
        (await h.MailsAsync()).Single(m => m.Id == busy).Status.ShouldBe("sent");
        smtp.Received.Count.ShouldBe(2);
    }

    [Fact]
    public async Task the_wait_between_attempts_doubles_and_is_capped()
    {
        await using var h = await Harness.CreateAsync(server);
        var sender = Sender(h, "Endpoint=smtp://127.0.0.1:25");

        sender.Backoff(1).ShouldBe(TimeSpan.FromMilliseconds(50));
        sender.Backoff(2).ShouldBe(TimeSpan.FromMilliseconds(100));
        sender.Backoff(3).ShouldBe(TimeSpan.FromMilliseconds(200));
        sender.Backoff(40).ShouldBe(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task a_backlog_goes_over_several_connections_at_once_and_each_mail_once()
    {
        await using var h = await Harness.CreateAsync(server);
        await using var smtp = FakeSmtpServer.Start();
        for (var i = 0; i < 12; i++)
        {
            await QueueAsync(h, $"donor{i}@example.org");
        }

        h.SenderSettings.BatchSize = 3;
        h.SenderSettings.Connections = 4;
        var sender = Sender(h, smtp.ConnectionString);

        var round = await sender.SendRoundAsync(CancellationToken.None);

        round.ShouldBe(new SendRound(12, Unavailable: false));
        smtp.Sessions.ShouldBe(4);
        smtp.Received.Select(m => m.MessageId).Distinct().Count().ShouldBe(12);
        (await h.MailsAsync()).ShouldAllBe(m => m.Status == "sent" && m.Attempts == 1);
    }

    [Fact]
    public async Task a_server_lost_mid_send_makes_the_unsent_mail_wait_for_the_server_not_each_on_its_own_backoff()
    {
        await using var h = await Harness.CreateAsync(server);
        await using var smtp = FakeSmtpServer.Start();
        for (var i = 0; i < 3; i++)
        {
            await QueueAsync(h, $"donor{i}@example.org");
        }

        // Mail that already failed a few times would otherwise wait 40 s on its own backoff after the server is back.
        await h.ExecuteAsync("UPDATE notifications.notifications SET attempts = 3");
        h.SenderSettings.Connections = 1;
        smtp.DropConnectionAfter = 1;
        var sender = Sender(h, smtp.ConnectionString);

        var round = await sender.SendRoundAsync(CancellationToken.None);

        round.ShouldBe(new SendRound(3, Unavailable: true));
        var mails = await h.MailsAsync();
        mails.Count(m => m.Status == "sent").ShouldBe(1);
        mails.Where(m => m.Status == "queued").ShouldAllBe(m => m.NextAttemptAt == h.Clock.GetUtcNow() + h.SenderSettings.InitialBackoff);
        mails.Count(m => m.Status == "queued").ShouldBe(2);
    }

    [Fact]
    public async Task two_replicas_sending_at_once_send_each_mail_once()
    {
        await using var h = await Harness.CreateAsync(server);
        await using var smtp = FakeSmtpServer.Start();
        for (var i = 0; i < 30; i++)
        {
            await QueueAsync(h, $"donor{i}@example.org");
        }

        h.SenderSettings.BatchSize = 5;
        var first = Sender(h, smtp.ConnectionString);
        var second = Sender(h, smtp.ConnectionString);

        async Task DrainAsync(MailSender sender)
        {
            while ((await sender.SendRoundAsync(CancellationToken.None)).Claimed > 0)
            {
            }
        }

        await Task.WhenAll(DrainAsync(first), DrainAsync(second));

        smtp.Received.Count.ShouldBe(30);
        smtp.Received.Select(m => m.MessageId).Distinct().Count().ShouldBe(30);
        (await h.MailsAsync()).ShouldAllBe(m => m.Status == "sent" && m.Attempts == 1);
    }

    [Theory]
    [InlineData("Endpoint=smtp://mail.example.org:2525", "mail.example.org", 2525, null, MailKit.Security.SecureSocketOptions.StartTlsWhenAvailable)]
    [InlineData("Endpoint=smtp://localhost:1025;UseSsl=false", "localhost", 1025, null, MailKit.Security.SecureSocketOptions.None)]
    [InlineData("Endpoint=smtps://smtp.example.org;Username=mailer;Password=s3cret", "smtp.example.org", 465, "mailer", MailKit.Security.SecureSocketOptions.SslOnConnect)]
    [InlineData("smtp://127.0.0.1:25", "127.0.0.1", 25, null, MailKit.Security.SecureSocketOptions.StartTlsWhenAvailable)]
    public void the_smtp_connection_string_is_read(string text, string host, int port, string? user, MailKit.Security.SecureSocketOptions security)
    {
        var settings = SmtpSettings.Parse(text);

        settings.Host.ShouldBe(host);
        settings.Port.ShouldBe(port);
        settings.Username.ShouldBe(user);
        settings.Security.ShouldBe(security);
        settings.ToString().ShouldNotContain("s3cret");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Endpoint=http://localhost:25")]
    [InlineData("Username=a;Password=b")]
    public void a_missing_or_wrong_smtp_connection_string_stops_the_service(string? text) =>
        Should.Throw<InvalidOperationException>(() => SmtpSettings.Parse(text));
}
